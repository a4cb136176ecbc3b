//! Owns the wire format: hop headers and claims, compact JWS signing and
//! strict parsing, chains of hops joined by `~`, and proofs of possession.
//! docs/FORMAT.md is the prose form of this module.

use crate::encoding::{b64_decode, b64_encode, parse_object, MAX_HOPS, MAX_TOKEN_BYTES};
use crate::error::{Rejection, Rule};
use crate::keys::{PublicKey, SecretKey};
use crate::scope::ScopeSet;
use crate::time::MAX_TIME;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// The `typ` of every hop obo makes and accepts.
pub const HOP_TYP: &str = "obo+jwt";
/// The `typ` of a proof of possession.
pub const PROOF_TYP: &str = "obo-pop+jwt";
/// The separator between hops in a chain.
pub const HOP_SEPARATOR: char = '~';
/// Longest identifier (issuer, principal, actor, audience, jti).
pub const MAX_ID_CHARS: usize = 256;
/// Longest display name.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest task or action text.
pub const MAX_TEXT_CHARS: usize = 1000;
/// Most audiences in one hop.
pub const MAX_AUDIENCES: usize = 16;

/// Header members that would let a token choose the key that checks it.
const REFUSED_HEADER_MEMBERS: [&str; 7] = ["jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256", "crit"];

/// SHA-256 of text, base64url: the form of `obo_prev` and a proof's `ath`.
pub fn text_hash(text: &str) -> String {
    b64_encode(Sha256::digest(text.as_bytes()))
}

/// One actor in the `act` claim, with the actor before it nested inside
/// (RFC 8693 section 4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The actor's identifier.
    pub sub: String,
    /// The actor's display name, if one was given.
    pub name: Option<String>,
    /// The thumbprint of the actor's key: the `cnf` key of its hop.
    pub kid: String,
    /// The actor before this one, if any.
    pub act: Option<Box<Actor>>,
}

impl Actor {
    /// The actors from the first to this one.
    pub fn lineage(&self) -> Vec<&Actor> {
        let mut actors = vec![self];
        let mut current = self;
        while let Some(earlier) = current.act.as_deref() {
            actors.push(earlier);
            current = earlier;
        }
        actors.reverse();
        actors
    }

    /// The name to show people: the display name, else the identifier.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.sub)
    }

    fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("sub".into(), json!(self.sub));
        if let Some(name) = &self.name {
            map.insert("name".into(), json!(name));
        }
        map.insert("obo_kid".into(), json!(self.kid));
        if let Some(act) = &self.act {
            map.insert("act".into(), act.to_value());
        }
        Value::Object(map)
    }

    fn from_value(value: &Value) -> Result<Actor, String> {
        let map = value.as_object().ok_or("claim \"act\" is not an object")?;
        if let Some(extra) = map
            .keys()
            .find(|k| !["sub", "name", "obo_kid", "act"].contains(&k.as_str()))
        {
            return Err(format!(
                "claim \"act\" has member {extra:?}, which obo does not define"
            ));
        }
        let act = match map.get("act") {
            Some(inner) => Some(Box::new(Actor::from_value(inner)?)),
            None => None,
        };
        Ok(Actor {
            sub: id_member(map, "act.sub")?,
            name: optional_text(map, "name", MAX_NAME_CHARS)?,
            kid: thumbprint_member(map, "obo_kid")?,
            act,
        })
    }
}

/// A hop's JOSE header, after obo's checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `EdDSA` or `Ed25519`.
    pub alg: String,
    /// The signing key's RFC 7638 thumbprint.
    pub kid: String,
}

/// The claims of one hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    /// Who made this hop: the issuer at hop 0, the previous actor after.
    pub iss: String,
    /// The principal: the person the chain acts for.
    pub sub: String,
    /// The principal's display name, if given.
    pub principal_name: Option<String>,
    /// The current actor, with earlier actors nested.
    pub act: Actor,
    /// The actor's public key (RFC 7800 `cnf.jwk`).
    pub cnf: PublicKey,
    /// What the actor may do.
    pub scope: ScopeSet,
    /// Where the token may be used.
    pub aud: Vec<String>,
    /// When the hop was made.
    pub iat: i64,
    /// Not valid before.
    pub nbf: i64,
    /// Not valid from this time on.
    pub exp: i64,
    /// Unique hop identifier.
    pub jti: String,
    /// SHA-256 of the previous hop's compact text; absent at hop 0.
    pub prev: Option<String>,
    /// How many more hops may follow.
    pub depth: u32,
    /// What the principal asked for, if given.
    pub task: Option<String>,
}

impl Claims {
    /// The claims as the JSON object that is signed.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("iss".into(), json!(self.iss));
        map.insert("sub".into(), json!(self.sub));
        if let Some(name) = &self.principal_name {
            map.insert("obo_principal_name".into(), json!(name));
        }
        map.insert("act".into(), self.act.to_value());
        map.insert("cnf".into(), json!({ "jwk": self.cnf.to_cnf_jwk() }));
        map.insert("scope".into(), json!(self.scope.to_claim()));
        map.insert("aud".into(), json!(self.aud));
        map.insert("iat".into(), json!(self.iat));
        map.insert("nbf".into(), json!(self.nbf));
        map.insert("exp".into(), json!(self.exp));
        map.insert("jti".into(), json!(self.jti));
        if let Some(prev) = &self.prev {
            map.insert("obo_prev".into(), json!(prev));
        }
        map.insert("obo_depth".into(), json!(self.depth));
        if let Some(task) = &self.task {
            map.insert("obo_task".into(), json!(task));
        }
        Value::Object(map)
    }

    fn from_map(map: &Map<String, Value>) -> Result<Claims, String> {
        let cnf = map
            .get("cnf")
            .and_then(Value::as_object)
            .ok_or("claim \"cnf\" is missing or not an object")?;
        if cnf.len() != 1 {
            return Err("claim \"cnf\" must hold exactly one member, \"jwk\"".into());
        }
        let jwk = cnf
            .get("jwk")
            .and_then(Value::as_object)
            .ok_or("claim \"cnf\" has no object member \"jwk\"")?;
        if jwk.contains_key("d") {
            return Err("cnf.jwk carries a private key (member \"d\"); that key is exposed and must be replaced".into());
        }
        let cnf = PublicKey::from_jwk(jwk).map_err(|e| format!("cnf.jwk: {e}"))?;
        let scope = map
            .get("scope")
            .and_then(Value::as_str)
            .ok_or("claim \"scope\" is missing or not a string")?;
        let claims = Claims {
            iss: id_member(map, "iss")?,
            sub: id_member(map, "sub")?,
            principal_name: optional_text(map, "obo_principal_name", MAX_NAME_CHARS)?,
            act: Actor::from_value(map.get("act").ok_or("claim \"act\" is missing")?)?,
            cnf,
            scope: ScopeSet::parse_claim(scope)?,
            aud: audiences(map)?,
            iat: time_member(map, "iat")?,
            nbf: time_member(map, "nbf")?,
            exp: time_member(map, "exp")?,
            jti: id_member(map, "jti")?,
            prev: match map.get("obo_prev") {
                Some(_) => Some(thumbprint_member(map, "obo_prev")?),
                None => None,
            },
            depth: depth_member(map)?,
            task: optional_text(map, "obo_task", MAX_TEXT_CHARS)?,
        };
        if claims.nbf >= claims.exp {
            return Err("claim \"nbf\" is not before \"exp\"".into());
        }
        Ok(claims)
    }
}

fn string_member<'a>(map: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
    let key = name.rsplit('.').next().unwrap_or(name);
    match map.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!(
            "claim {name:?} must be a string, not {}",
            kind(other)
        )),
        None => Err(format!("claim {name:?} is missing")),
    }
}

fn id_member(map: &Map<String, Value>, name: &str) -> Result<String, String> {
    let value = string_member(map, name)?;
    check_id(value).map_err(|e| format!("claim {name:?} {e}"))?;
    Ok(value.to_owned())
}

/// Checks an identifier: 1 to 256 characters, none of them control characters.
pub fn check_id(value: &str) -> Result<(), String> {
    if value.is_empty() || value.chars().count() > MAX_ID_CHARS {
        return Err(format!("must be 1 to {MAX_ID_CHARS} characters"));
    }
    if value.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(())
}

fn optional_text(
    map: &Map<String, Value>,
    name: &str,
    max: usize,
) -> Result<Option<String>, String> {
    match map.get(name) {
        None => Ok(None),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(Some(s.clone())),
        Some(Value::String(_)) => Err(format!("claim {name:?} is longer than {max} characters")),
        Some(other) => Err(format!(
            "claim {name:?} must be a string, not {}",
            kind(other)
        )),
    }
}

fn thumbprint_member(map: &Map<String, Value>, name: &str) -> Result<String, String> {
    let value = string_member(map, name)?;
    if !is_thumbprint(value) {
        return Err(format!("claim {name:?} is not a base64url SHA-256 value"));
    }
    Ok(value.to_owned())
}

/// Whether text has the shape of an RFC 7638 SHA-256 thumbprint.
pub fn is_thumbprint(text: &str) -> bool {
    text.len() == 43 && b64_decode(text).is_ok_and(|b| b.len() == 32)
}

fn time_member(map: &Map<String, Value>, name: &str) -> Result<i64, String> {
    match map.get(name) {
        Some(Value::Number(n)) => match n.as_i64() {
            Some(t) if (0..=MAX_TIME).contains(&t) => Ok(t),
            _ => Err(format!(
                "claim {name:?} must be whole seconds from 1970 to 9999, not {n}"
            )),
        },
        Some(other) => Err(format!(
            "claim {name:?} must be a number, not {}",
            kind(other)
        )),
        None => Err(format!("claim {name:?} is missing")),
    }
}

fn depth_member(map: &Map<String, Value>) -> Result<u32, String> {
    match map.get("obo_depth") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(d) if d <= MAX_HOPS as u64 => Ok(d as u32),
            _ => Err(format!(
                "claim \"obo_depth\" must be a whole number from 0 to {MAX_HOPS}, not {n}"
            )),
        },
        Some(other) => Err(format!(
            "claim \"obo_depth\" must be a number, not {}",
            kind(other)
        )),
        None => Err("claim \"obo_depth\" is missing".into()),
    }
}

fn audiences(map: &Map<String, Value>) -> Result<Vec<String>, String> {
    let list = match map.get("aud") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or("claim \"aud\" must hold only strings")?,
        Some(other) => {
            return Err(format!(
                "claim \"aud\" must be a string or array, not {}",
                kind(other)
            ))
        }
        None => return Err("claim \"aud\" is missing".into()),
    };
    check_audiences(&list).map_err(|e| format!("claim \"aud\" {e}"))?;
    Ok(list)
}

/// Checks a list of audiences: 1 to 16 identifiers, no repeats.
pub fn check_audiences(list: &[String]) -> Result<(), String> {
    if list.is_empty() || list.len() > MAX_AUDIENCES {
        return Err(format!("must name 1 to {MAX_AUDIENCES} audiences"));
    }
    for (i, aud) in list.iter().enumerate() {
        check_id(aud).map_err(|e| format!("audience {aud:?} {e}"))?;
        if list[..i].contains(aud) {
            return Err(format!("names audience {aud:?} twice"));
        }
    }
    Ok(())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A compact JWS split into its checked header, its decoded payload object,
/// the bytes that were signed and the signature.
struct Jws {
    header: Header,
    payload: Map<String, Value>,
    signing_input_len: usize,
    signature: Vec<u8>,
}

fn parse_jws(compact: &str, want_typ: &str) -> Result<Jws, Rejection> {
    let format = |detail: String| Rejection::whole(Rule::Format, detail);
    let parts: Vec<&str> = compact.split('.').collect();
    if parts.len() != 3 {
        return Err(format(format!(
            "a compact JWS has 3 parts separated by '.', this has {}",
            parts.len()
        )));
    }
    let header_bytes = b64_decode(parts[0]).map_err(|e| format(format!("header is {e}")))?;
    let header = parse_object(&header_bytes).map_err(|e| format(format!("header is {e}")))?;
    let header = check_header(&header, want_typ)?;
    let payload_bytes = b64_decode(parts[1]).map_err(|e| format(format!("payload is {e}")))?;
    let payload = parse_object(&payload_bytes).map_err(|e| format(format!("payload is {e}")))?;
    let signature = b64_decode(parts[2]).map_err(|e| format(format!("signature is {e}")))?;
    if signature.len() != 64 {
        return Err(Rejection::whole(
            Rule::Signature,
            format!(
                "an Ed25519 signature is 64 bytes, this is {}",
                signature.len()
            ),
        ));
    }
    Ok(Jws {
        header,
        payload,
        signing_input_len: parts[0].len() + 1 + parts[1].len(),
        signature,
    })
}

fn check_header(map: &Map<String, Value>, want_typ: &str) -> Result<Header, Rejection> {
    let refuse = |detail: String| Rejection::whole(Rule::Header, detail);
    for name in map.keys() {
        if REFUSED_HEADER_MEMBERS.contains(&name.as_str()) {
            return Err(refuse(format!(
                "header member {name:?} is refused: obo never takes a key or critical extension from the token"
            )));
        }
        if !["alg", "typ", "kid"].contains(&name.as_str()) {
            return Err(refuse(format!(
                "header member {name:?} is not one obo defines"
            )));
        }
    }
    let alg = match map.get("alg") {
        Some(Value::String(alg)) if alg == "EdDSA" || alg == "Ed25519" => alg.clone(),
        Some(other) => {
            return Err(Rejection::whole(
                Rule::Algorithm,
                format!("algorithm {other} is refused; only \"EdDSA\" (Ed25519) is accepted"),
            ))
        }
        None => return Err(Rejection::whole(Rule::Algorithm, "header has no \"alg\"")),
    };
    match map.get("typ") {
        Some(Value::String(typ)) if names_media_type(typ, want_typ) => {}
        Some(Value::String(typ)) if want_typ == HOP_TYP && names_media_type(typ, PROOF_TYP) => {
            return Err(refuse(
                "this is a proof of possession, not a token; give the token here and the proof to --proof".into(),
            ))
        }
        Some(other) => {
            return Err(refuse(format!(
                "header \"typ\" is {other}, expected {want_typ:?}"
            )))
        }
        None => {
            return Err(refuse(format!(
                "header has no \"typ\"; expected {want_typ:?}"
            )))
        }
    }
    let kid = match map.get("kid") {
        Some(Value::String(kid)) if is_thumbprint(kid) => kid.clone(),
        Some(_) => {
            return Err(refuse(
                "header \"kid\" is not an RFC 7638 thumbprint".into(),
            ))
        }
        None => return Err(refuse("header has no \"kid\"".into())),
    };
    Ok(Header { alg, kid })
}

/// Whether a header `typ` names the media type `want`. RFC 7515 section
/// 4.1.9 reads a `typ` without a '/' as if "application/" came before it,
/// and media type names ignore case, so `application/obo+jwt` and
/// `OBO+JWT` name the same type as `obo+jwt`.
fn names_media_type(typ: &str, want: &str) -> bool {
    let typ = typ.to_ascii_lowercase();
    typ == want || typ.strip_prefix("application/") == Some(want)
}

/// Checks the signature over a compact JWS's first two parts.
fn verify_compact(
    compact: &str,
    signing_input_len: usize,
    signature: &[u8],
    key: &PublicKey,
) -> Result<(), String> {
    key.verify(&compact.as_bytes()[..signing_input_len], signature)
}

fn sign_jws(typ: &str, payload: &Value, key: &SecretKey) -> String {
    let header = json!({ "alg": "EdDSA", "typ": typ, "kid": key.public().thumbprint() });
    let signing_input = format!(
        "{}.{}",
        b64_encode(header.to_string()),
        b64_encode(payload.to_string())
    );
    let signature = key.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", b64_encode(signature))
}

/// One signed hop of a chain.
#[derive(Debug, Clone)]
pub struct Hop {
    /// The hop's exact compact JWS text.
    pub compact: String,
    /// The checked header.
    pub header: Header,
    /// The checked claims.
    pub claims: Claims,
    signing_input_len: usize,
    signature: Vec<u8>,
}

impl Hop {
    /// Signs claims into a hop with `key`. The hop is parsed back with the
    /// rules every reader applies, so obo never hands out a hop that it
    /// would itself refuse.
    pub fn sign(claims: Claims, key: &SecretKey) -> Result<Hop, Rejection> {
        let compact = sign_jws(HOP_TYP, &claims.to_value(), key);
        Hop::parse(&compact)
    }

    /// Parses one hop strictly. The signature is not checked here.
    pub fn parse(compact: &str) -> Result<Hop, Rejection> {
        let jws = parse_jws(compact, HOP_TYP)?;
        let claims =
            Claims::from_map(&jws.payload).map_err(|e| Rejection::whole(Rule::Format, e))?;
        Ok(Hop {
            compact: compact.to_owned(),
            header: jws.header,
            claims,
            signing_input_len: jws.signing_input_len,
            signature: jws.signature,
        })
    }

    /// Checks this hop's signature with `key`.
    pub fn verify_signature(&self, key: &PublicKey) -> Result<(), String> {
        verify_compact(&self.compact, self.signing_input_len, &self.signature, key)
    }

    /// SHA-256 of the hop's exact text, as the next hop's `obo_prev`.
    pub fn hash(&self) -> String {
        text_hash(&self.compact)
    }
}

/// A delegation chain: hops from the issuer's to the last actor's.
#[derive(Debug, Clone)]
pub struct Chain {
    /// The chain's exact text.
    pub text: String,
    /// The hops, root first. Never empty.
    pub hops: Vec<Hop>,
}

impl Chain {
    /// Parses a chain strictly, bounding its size before any decoding.
    pub fn parse(text: &str) -> Result<Chain, Rejection> {
        if text.len() > MAX_TOKEN_BYTES {
            return Err(Rejection::whole(
                Rule::Format,
                format!(
                    "the token is {} bytes; the limit is {MAX_TOKEN_BYTES}",
                    text.len()
                ),
            ));
        }
        let count = text.split(HOP_SEPARATOR).count();
        if count > MAX_HOPS {
            return Err(Rejection::whole(
                Rule::Format,
                format!("the token has {count} hops; the limit is {MAX_HOPS}"),
            ));
        }
        let hops = text
            .split(HOP_SEPARATOR)
            .enumerate()
            .map(|(i, compact)| Hop::parse(compact).map_err(|r| r.in_hop(i)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Chain {
            text: text.to_owned(),
            hops,
        })
    }

    /// A chain made of one more hop on this one.
    pub fn extend(&self, hop: Hop) -> Chain {
        let mut hops = self.hops.clone();
        let text = format!("{}{HOP_SEPARATOR}{}", self.text, hop.compact);
        hops.push(hop);
        Chain { text, hops }
    }

    /// A chain of the single hop 0.
    pub fn root(hop: Hop) -> Chain {
        Chain {
            text: hop.compact.clone(),
            hops: vec![hop],
        }
    }

    /// The last hop: the one whose actor holds the token now.
    pub fn last(&self) -> &Hop {
        self.hops.last().expect("a chain has at least one hop")
    }

    /// The first hop, signed by the issuer.
    pub fn first(&self) -> &Hop {
        &self.hops[0]
    }
}

/// The claims of a proof of possession.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofClaims {
    /// The one audience the proof is for.
    pub aud: String,
    /// When the proof was made.
    pub iat: i64,
    /// Not valid from this time on.
    pub exp: i64,
    /// Unique proof identifier, for replay detection.
    pub jti: String,
    /// SHA-256 of the exact chain text the proof is bound to.
    pub ath: String,
    /// What the holder is about to do, if given.
    pub action: Option<String>,
}

/// A proof of possession (in the manner of RFC 9449 DPoP): signed by the
/// last hop's key, bound to one chain and one audience, short-lived.
#[derive(Debug, Clone)]
pub struct Proof {
    /// The proof's exact compact text.
    pub compact: String,
    /// The checked header.
    pub header: Header,
    /// The checked claims.
    pub claims: ProofClaims,
    signing_input_len: usize,
    signature: Vec<u8>,
}

impl Proof {
    /// Signs a proof with `key`.
    pub fn sign(claims: &ProofClaims, key: &SecretKey) -> String {
        let mut payload = json!({
            "aud": claims.aud, "iat": claims.iat, "exp": claims.exp,
            "jti": claims.jti, "ath": claims.ath,
        });
        if let Some(action) = &claims.action {
            payload["obo_action"] = json!(action);
        }
        sign_jws(PROOF_TYP, &payload, key)
    }

    /// Parses a proof strictly. The signature is not checked here.
    pub fn parse(compact: &str) -> Result<Proof, Rejection> {
        let as_proof = |r: Rejection| Rejection::whole(r.rule, format!("proof: {}", r.detail));
        if compact.len() > MAX_TOKEN_BYTES / 4 {
            return Err(Rejection::whole(
                Rule::Proof,
                "proof: longer than any proof obo makes",
            ));
        }
        let jws = parse_jws(compact, PROOF_TYP).map_err(as_proof)?;
        let map = &jws.payload;
        let claims = (|| -> Result<ProofClaims, String> {
            Ok(ProofClaims {
                aud: id_member(map, "aud")?,
                iat: time_member(map, "iat")?,
                exp: time_member(map, "exp")?,
                jti: id_member(map, "jti")?,
                ath: thumbprint_member(map, "ath")?,
                action: optional_text(map, "obo_action", MAX_TEXT_CHARS)?,
            })
        })()
        .map_err(|e| Rejection::whole(Rule::Proof, format!("proof: {e}")))?;
        Ok(Proof {
            compact: compact.to_owned(),
            header: jws.header,
            claims,
            signing_input_len: jws.signing_input_len,
            signature: jws.signature,
        })
    }

    /// Checks the proof's signature with `key`.
    pub fn verify_signature(&self, key: &PublicKey) -> Result<(), String> {
        verify_compact(&self.compact, self.signing_input_len, &self.signature, key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7515 section 4.1.9: the "application/" prefix is implied, and
    /// media type names ignore case; any other type stays refused.
    #[test]
    fn typ_names_the_media_type_with_or_without_its_prefix() {
        for same in [
            "obo+jwt",
            "application/obo+jwt",
            "OBO+JWT",
            "Application/Obo+Jwt",
        ] {
            assert!(names_media_type(same, HOP_TYP), "{same} was refused");
        }
        for other in [
            "jwt",
            "application/jwt",
            "obo-pop+jwt",
            "text/obo+jwt",
            "obo+jwt ",
            "x/application/obo+jwt",
        ] {
            assert!(!names_media_type(other, HOP_TYP), "{other} was accepted");
        }
    }
}
