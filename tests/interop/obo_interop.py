#!/usr/bin/env python3
"""Checks obo's wire format with an independent JOSE library (joserfc).

tests/interop.rs runs this script; it can also be run by hand. Each
subcommand prints JSON on stdout when it succeeds, and on failure prints one
line on stderr starting with "interop:" and exits 1.

  verify-chain  verify every hop of an obo chain and read its claims the way
                RFC 7519, RFC 8693 and RFC 7800 define them
  issue         make an Ed25519 key and sign a hop 0 in obo's format, as an
                identity provider written in another language would
  tamper        change one claim of one hop, keep its signature, and confirm
                joserfc rejects the hop
  make-key      make an Ed25519 key and write its public JWK
  load-jwks     load a JWK Set and list its keys with their thumbprints

Nothing here imports obo: the only shared knowledge is docs/FORMAT.md.
"""

import argparse
import base64
import hashlib
import json
import secrets
import sys
import time
import warnings

from joserfc import jwt
from joserfc.errors import BadSignatureError, JoseError, SecurityWarning
from joserfc.jwk import ECKey, KeySet, OKPKey, RSAKey
from joserfc.jwt import JWTClaimsRegistry

HOP_TYP = "obo+jwt"
# obo writes "EdDSA" (RFC 8037); RFC 9864 deprecates that name in favour of
# "Ed25519", which obo also reads. joserfc warns about "EdDSA"; the warning
# is expected here and would only clutter the test output.
ALGORITHMS = ["EdDSA", "Ed25519"]
LEEWAY = 60
MAX_TOKEN_BYTES = 64 * 1024
MAX_HOPS = 32


class Failure(Exception):
    """A check that did not hold; reported as one line, exit status 1."""


def expect(condition, message):
    if not condition:
        raise Failure(message)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def text_hash(text):
    """SHA-256 of a hop's exact text, base64url: obo's `obo_prev`."""
    return b64url(hashlib.sha256(text.encode("ascii")).digest())


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def load_key_set(path):
    """Reads a JWKS, or a single JWK, as a joserfc KeySet."""
    value = read_json(path)
    if "keys" not in value:
        value = {"keys": [value]}
    return KeySet.import_key_set(value)


def public_jwk(key):
    """The minimal public JWK (RFC 8037 section 2): what `cnf.jwk` carries."""
    full = key.as_dict(private=False)
    return {name: full[name] for name in ("kty", "crv", "x")}


def claims_registry(audience):
    """RFC 7519 checks: times (with obo's default leeway) and audience."""
    return JWTClaimsRegistry(
        leeway=LEEWAY,
        iss={"essential": True},
        sub={"essential": True},
        aud={"essential": True, "value": audience},
        exp={"essential": True},
        nbf={"essential": True},
        iat={"essential": True},
        jti={"essential": True},
    )


def audiences(claims):
    """RFC 7519 section 4.1.3: `aud` is a string or an array of strings."""
    aud = claims["aud"]
    return [aud] if isinstance(aud, str) else list(aud)


def actors(act):
    """RFC 8693 section 4.1: the outermost `act` is the current actor; each
    nested `act` is the actor before it. Returns them current first."""
    found = []
    while act is not None:
        expect(isinstance(act, dict), "an act claim is not a JSON object")
        expect(isinstance(act.get("sub"), str), "an act claim has no string sub")
        found.append(act)
        act = act.get("act")
    return found


def names_hop_type(typ):
    """RFC 7515 section 4.1.9: a typ without '/' means application/typ, and
    media type names ignore case."""
    typ = str(typ).lower()
    return typ in (HOP_TYP, "application/" + HOP_TYP)


def decode_hop(hop, key, audience):
    """Verifies one compact JWS with joserfc and checks its header."""
    token = jwt.decode(hop, key, algorithms=ALGORITHMS)
    header = token.header
    expect(set(header) == {"alg", "typ", "kid"}, f"header members are {sorted(header)}")
    expect(names_hop_type(header.get("typ")), f"header typ is {header.get('typ')!r}")
    expect(header.get("alg") in ALGORITHMS, f"header alg is {header.get('alg')!r}")
    claims_registry(audience).validate(token.claims)
    return header, token.claims


def issuer_key(key_set, kid):
    """The JWKS key a hop 0 names, checked to be named by its RFC 7638
    thumbprint."""
    for key in key_set.keys:
        if key.kid == kid:
            expect(key.thumbprint() == kid, f"JWKS key {kid} is not named by its thumbprint")
            return key
    raise Failure(f"hop 0 names key {kid}, which the JWKS does not hold")


def covers(granted, wanted):
    """obo's covering rule: `p:*` covers what lies below `p:`, never `p`."""
    if granted.endswith("*"):
        prefix = granted[:-1]
        return wanted.startswith(prefix) and len(wanted) > len(prefix)
    return granted == wanted


def all_covered(granted, wanted):
    return all(any(covers(g, w) for g in granted) for w in wanted)


def check_link(n, parent, claims, hops):
    """What makes hop n follow hop n-1, in the RFCs' own terms."""
    expect(claims.get("obo_prev") == text_hash(hops[n - 1]), f"hop {n}: obo_prev is not the hash of hop {n - 1}")
    expect(claims["sub"] == parent["sub"], f"hop {n}: sub (the principal) changed")
    expect(claims["act"].get("act") == parent["act"], f"hop {n}: act does not nest hop {n - 1}'s act")
    expect(claims["iss"] == parent["act"]["sub"], f"hop {n}: iss is not hop {n - 1}'s actor")
    expect(all_covered(parent["scope"].split(" "), claims["scope"].split(" ")), f"hop {n}: scope widens hop {n - 1}'s")
    expect(set(audiences(claims)) <= set(audiences(parent)), f"hop {n}: aud widens hop {n - 1}'s")
    expect(parent["nbf"] <= claims["nbf"] and claims["exp"] <= parent["exp"], f"hop {n}: window widens hop {n - 1}'s")
    expect(0 <= claims["obo_depth"] < parent["obo_depth"], f"hop {n}: obo_depth does not fall below hop {n - 1}'s")


def hop_report(n, header, claims, signer):
    """One hop as the RFCs read it."""
    cnf = claims["cnf"]
    expect(isinstance(cnf, dict) and isinstance(cnf.get("jwk"), dict), f"hop {n}: cnf has no jwk (RFC 7800 section 3.2)")
    bound = OKPKey.import_key(cnf["jwk"])
    chain_of_actors = actors(claims["act"])
    expect(chain_of_actors[0].get("obo_kid") == bound.thumbprint(), f"hop {n}: act.obo_kid is not the cnf key's thumbprint")
    expect(isinstance(claims["scope"], str), f"hop {n}: scope is not a string (RFC 8693 section 4.2)")
    return {
        "hop": n,
        "signed_by": signer.thumbprint(),
        "kid": header["kid"],
        "iss": claims["iss"],
        "sub": claims["sub"],
        "actors": [a["sub"] for a in chain_of_actors],
        "scope": claims["scope"].split(" "),
        "aud": audiences(claims),
        "cnf_kid": bound.thumbprint(),
        "depth": claims["obo_depth"],
    }, bound


def verify_chain(args):
    """Verifies every hop: hop 0 with the JWKS key its kid names, hop n with
    the key in hop n-1's cnf.jwk (RFC 7800: the presenter's key)."""
    key_set = load_key_set(args.jwks)
    text = read_text(args.chain)
    expect(len(text.encode("utf-8")) <= MAX_TOKEN_BYTES, "the chain is over 64 KiB")
    hops = text.split("~")
    expect(len(hops) <= MAX_HOPS, f"the chain has {len(hops)} hops")
    report, parent, signer = [], None, None
    for n, hop in enumerate(hops):
        if n == 0:
            kid = json.loads(b64url_decode(hop.split(".")[0]))["kid"]
            signer = issuer_key(key_set, kid)
        header, claims = decode_hop(hop, signer, args.audience)
        expect(header["kid"] == signer.thumbprint(), f"hop {n}: kid is not the signer's RFC 7638 thumbprint")
        if n == 0:
            expect("obo_prev" not in claims, "hop 0 carries obo_prev")
            expect("act" not in claims["act"], "hop 0 names more than one actor")
        else:
            check_link(n, parent, claims, hops)
        entry, signer = hop_report(n, header, claims, signer)
        report.append(entry)
        parent = claims
    expect(all_covered(parent["scope"].split(" "), args.require), f"the last hop does not grant {args.require}")
    return {"hops": report, "holder": signer.thumbprint()}


def issue(args):
    """Signs a hop 0 with a key joserfc makes, following docs/FORMAT.md."""
    issuer = OKPKey.generate_key("Ed25519")
    write_json(args.issuer_jwk, public_jwk(issuer))
    agent = OKPKey.import_key(read_json(args.agent_jwk))
    now = int(time.time())
    claims = {
        "iss": args.issuer,
        "sub": args.principal,
        "obo_principal_name": args.principal_name,
        "act": {"sub": args.agent_id, "obo_kid": agent.thumbprint()},
        "cnf": {"jwk": public_jwk(agent)},
        "scope": " ".join(args.scope),
        "aud": args.audience,
        "iat": now,
        "nbf": now,
        "exp": now + args.ttl,
        "jti": b64url(secrets.token_bytes(16)),
        "obo_depth": args.depth,
        "obo_task": args.task,
    }
    header = {"alg": args.alg, "typ": args.typ, "kid": issuer.thumbprint()}
    token = jwt.encode(header, claims, issuer, algorithms=ALGORITHMS)
    with open(args.out, "w", encoding="ascii") as f:
        f.write(token + "\n")
    if args.mixed_jwks:
        write_json(args.mixed_jwks, mixed_key_set(issuer))
    return {"issuer_kid": issuer.thumbprint(), "agent_kid": agent.thumbprint()}


def mixed_key_set(issuer):
    """A JWKS such as an identity provider publishes: keys of several types,
    the Ed25519 one among them."""
    others = [RSAKey.generate_key(2048), ECKey.generate_key("P-256")]
    keys = [key.as_dict(private=False) | {"kid": key.thumbprint()} for key in others]
    keys.append(public_jwk(issuer) | {"kid": issuer.thumbprint(), "alg": "Ed25519", "use": "sig"})
    return {"keys": keys}


def tamper(args):
    """Re-encodes one hop's payload with one claim changed, keeps the header
    and signature, and confirms joserfc refuses the result."""
    hops = read_text(args.chain).split("~")
    header_b64, payload_b64, signature_b64 = hops[args.hop].split(".")
    claims = json.loads(b64url_decode(payload_b64))
    expect(args.claim in claims, f"hop {args.hop} has no claim {args.claim}")
    value = json.loads(args.value)
    expect(claims[args.claim] != value, f"hop {args.hop} already has that {args.claim}")
    claims[args.claim] = value
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
    hops[args.hop] = f"{header_b64}.{payload}.{signature_b64}"
    if args.hop == 0:
        kid = json.loads(b64url_decode(header_b64))["kid"]
        key = issuer_key(load_key_set(args.jwks), kid)
    else:
        parent = json.loads(b64url_decode(hops[args.hop - 1].split(".")[1]))
        key = OKPKey.import_key(parent["cnf"]["jwk"])
    try:
        jwt.decode(hops[args.hop], key, algorithms=ALGORITHMS)
    except BadSignatureError:
        pass
    else:
        raise Failure(f"joserfc accepted hop {args.hop} with claim {args.claim} changed")
    with open(args.out, "w", encoding="ascii") as f:
        f.write("~".join(hops) + "\n")
    return {"rejected_by_joserfc": "bad_signature", "hop": args.hop}


def make_key(args):
    key = OKPKey.generate_key("Ed25519")
    write_json(args.out, public_jwk(key))
    return {"kid": key.thumbprint()}


def load_jwks(args):
    key_set = load_key_set(args.jwks)
    keys = [{"kid": key.kid, "thumbprint": key.thumbprint(), "alg": key.alg, "use": key.get("use")} for key in key_set.keys]
    return {"keys": keys}


def parser():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("verify-chain")
    v.add_argument("--jwks", required=True, help="the issuer's JWK or JWKS file")
    v.add_argument("--chain", required=True, help="file holding the chain")
    v.add_argument("--audience", required=True)
    v.add_argument("--require", nargs="*", default=[], help="scopes the last hop must cover")
    v.set_defaults(run=verify_chain)

    i = sub.add_parser("issue")
    i.add_argument("--agent-jwk", required=True)
    i.add_argument("--issuer-jwk", required=True, help="where to write the new issuer's public JWK")
    i.add_argument("--out", required=True, help="where to write hop 0")
    i.add_argument("--issuer", default="python-idp")
    i.add_argument("--principal", required=True)
    i.add_argument("--principal-name", required=True)
    i.add_argument("--agent-id", required=True)
    i.add_argument("--scope", required=True, nargs="+")
    i.add_argument("--audience", required=True, help="a single audience, written as a JSON string")
    i.add_argument("--ttl", type=int, default=600)
    i.add_argument("--depth", type=int, default=2)
    i.add_argument("--task", required=True)
    i.add_argument("--alg", default="EdDSA", choices=ALGORITHMS, help="RFC 8037's name or RFC 9864's")
    i.add_argument("--typ", default=HOP_TYP)
    i.add_argument("--mixed-jwks", help="also write a JWKS holding RSA and EC keys beside the issuer's")
    i.set_defaults(run=issue)

    t = sub.add_parser("tamper")
    t.add_argument("--chain", required=True)
    t.add_argument("--jwks", required=True)
    t.add_argument("--hop", type=int, required=True)
    t.add_argument("--claim", required=True)
    t.add_argument("--value", required=True, help="the new value, as JSON")
    t.add_argument("--out", required=True)
    t.set_defaults(run=tamper)

    k = sub.add_parser("make-key")
    k.add_argument("--out", required=True)
    k.set_defaults(run=make_key)

    j = sub.add_parser("load-jwks")
    j.add_argument("--jwks", required=True)
    j.set_defaults(run=load_jwks)
    return p


def main():
    warnings.filterwarnings("ignore", message="EdDSA is deprecated", category=SecurityWarning)
    args = parser().parse_args()
    try:
        result = args.run(args)
    except (Failure, JoseError, KeyError, ValueError) as e:
        print(f"interop: {args.command}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
