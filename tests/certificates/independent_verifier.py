"""An Open Badges 3.0 verifier written for the tests from the specifications, sharing no code
with the signer (openbadgeslib): W3C Data Integrity `eddsa-rdfc-2022` (RDF Dataset
Canonicalization RDFC-1.0 — pyld's URDNA2015, the same algorithm — then SHA-256 of the proof
options and of the document, Ed25519), Multikey, did:web resolution and the Bitstring Status
List. It proves itself on the W3C test vector (test_credentials.py) before it is trusted with
ours. Contexts come from local copies only; `fetch(url) -> bytes` is how it reaches the site."""

import base64
import gzip
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_PUB = b"\xed\x01"  # multicodec prefix of an Ed25519 public key
UNDEFINED = "urn:undefined-term:"
ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"


def local_contexts() -> dict:
    """Every context a credential or DID document here may name, read from files."""
    import openbadgeslib.ob3.contexts as bundled

    folder = Path(bundled.__file__).parent
    names = {
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
        "https://w3id.org/security/data-integrity/v2": "security-data-integrity-v2.json",
        "https://w3id.org/security/multikey/v1": "security-multikey-v1.json",
    }
    found = {url: json.loads((folder / name).read_text()) for url, name in names.items()}
    root = Path(__file__).resolve().parents[2]
    found["https://www.w3.org/ns/did/v1"] = json.loads(
        (root / "certificates/credentials/contexts/did-v1.jsonld").read_text()
    )
    vectors = Path(__file__).parent / "fixtures/vc_di_eddsa"
    found["https://www.w3.org/ns/credentials/examples/v2"] = json.loads(
        (vectors / "credentials-examples-v2.json").read_text()
    )
    return found


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + ALPHABET.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def public_key(multibase: str) -> Ed25519PublicKey:
    assert multibase.startswith("z"), "Multikey must be base58btc"
    raw = b58decode(multibase[1:])
    assert raw[:2] == ED25519_PUB, "not an Ed25519 Multikey"
    return Ed25519PublicKey.from_public_bytes(raw[2:])


class Failed(Exception):
    pass


class Verifier:
    def __init__(self, fetch=None):
        self.fetch = fetch
        self.contexts = local_contexts()

    def _loader(self, url, options=None):
        if url not in self.contexts:
            raise Failed(f"context not available locally: {url}")
        return {"contextUrl": None, "documentUrl": url, "document": self.contexts[url]}

    def canonical(self, document) -> str:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": self._loader,
            },
        )

    def undefined_terms(self, document) -> list[str]:
        """Members no @context defines (what a JSON-LD safe-mode processor rejects)."""
        context = document["@context"]
        context = context if isinstance(context, list) else [context]
        probe = {**document, "@context": [*context, {"@vocab": UNDEFINED}]}
        expanded = json.dumps(jsonld.expand(probe, {"documentLoader": self._loader}))
        return sorted(
            {
                part.split('"')[0]
                for marker in (UNDEFINED, ISSUER_DEPENDENT)
                for part in expanded.split(marker)[1:]
            }
        )

    def verify_proof(self, document, key: Ed25519PublicKey) -> None:
        proof = document.get("proof")
        if not isinstance(proof, dict):
            raise Failed("no proof")
        if (proof.get("type"), proof.get("cryptosuite")) != (
            "DataIntegrityProof",
            "eddsa-rdfc-2022",
        ):
            raise Failed("not an eddsa-rdfc-2022 Data Integrity proof")
        if proof.get("proofPurpose") != "assertionMethod":
            raise Failed("proof purpose is not assertionMethod")
        unsecured = {k: v for k, v in document.items() if k != "proof"}
        options = {k: v for k, v in proof.items() if k != "proofValue"}
        options["@context"] = document["@context"]
        hash_data = (
            hashlib.sha256(self.canonical(options).encode()).digest()
            + hashlib.sha256(self.canonical(unsecured).encode()).digest()
        )
        value = proof.get("proofValue", "")
        if not value.startswith("z"):
            raise Failed("proofValue is not base58btc")
        try:
            key.verify(b58decode(value[1:]), hash_data)
        except InvalidSignature:
            raise Failed("signature does not verify") from None

    def resolve(self, method: str) -> Ed25519PublicKey:
        """did:web → https://host/.well-known/did.json; the method must be listed under
        assertionMethod, as a Multikey controlled by the DID."""
        did = method.split("#")[0]
        if not did.startswith("did:web:"):
            raise Failed(f"not a did:web: {did}")
        host, *path = [unquote(part) for part in did[len("did:web:") :].split(":")]
        where = "/".join(path) + "/did.json" if path else ".well-known/did.json"
        url = f"https://{host}/{where}"
        document = json.loads(self.fetch(url))
        if document.get("id") != did:
            raise Failed("DID document names another DID")
        if undefined := self.undefined_terms(document):
            raise Failed(f"DID document has undefined terms: {undefined}")
        if method not in document.get("assertionMethod", []):
            raise Failed("key not allowed to assert credentials")
        for entry in document.get("verificationMethod", []):
            if entry.get("id") == method:
                if entry.get("type") != "Multikey" or entry.get("controller") != did:
                    raise Failed("verification method is not a Multikey of the DID")
                return public_key(entry["publicKeyMultibase"])
        raise Failed("verification method not in the DID document")

    def verify(self, credential, now=None) -> dict:
        """{'signature', 'expired', 'not_yet_valid', 'revoked'}; raises Failed when the
        credential cannot be trusted at all (bad signature, foreign key, undefined terms)."""
        now = now or datetime.now(UTC)
        if undefined := self.undefined_terms(credential):
            raise Failed(f"credential has undefined terms: {undefined}")
        if "OpenBadgeCredential" not in credential.get("type", []):
            raise Failed("not an OpenBadgeCredential")
        method = credential["proof"]["verificationMethod"]
        issuer = credential["issuer"]["id"]
        if method.split("#")[0] != issuer:
            raise Failed("signed by a key that is not the issuer's")
        self.verify_proof(credential, self.resolve(method))
        start = _date(credential.get("validFrom"))
        until = _date(credential.get("validUntil"))
        return {
            "signature": True,
            "not_yet_valid": bool(start and start > now),
            "expired": bool(until and until < now),
            "revoked": self.revoked(credential),
        }

    def revoked(self, credential) -> bool:
        entry = credential["credentialStatus"]
        assert entry["type"] == "BitstringStatusListEntry"
        assert entry["statusPurpose"] == "revocation"
        listed = json.loads(self.fetch(entry["statusListCredential"]))
        if listed["issuer"] != credential["issuer"]["id"]:
            raise Failed("status list from another issuer")
        if undefined := self.undefined_terms(listed):
            raise Failed(f"status list has undefined terms: {undefined}")
        self.verify_proof(listed, self.resolve(listed["proof"]["verificationMethod"]))
        encoded = listed["credentialSubject"]["encodedList"]
        assert encoded.startswith("u"), "encodedList must be multibase base64url"
        body = encoded[1:] + "=" * (-len(encoded[1:]) % 4)
        bits = gzip.decompress(base64.urlsafe_b64decode(body))
        index = int(entry["statusListIndex"])
        return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _date(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
