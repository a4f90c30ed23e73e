"""A real RFC 3161 timestamp authority on 127.0.0.1 for the tests: certomancer's Animator.

Certomancer builds a small PKI from a config (a root, a timestamping certificate
with a CRL distribution point) and serves its timestamp responder and CRLs over
HTTP. The keys are made fresh for each run; nothing leaves this machine.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

CONFIG = """
external-url-prefix: "{prefix}"
keysets:
  tsa-keys:
    path-prefix: "{keys}"
    keys:
      root: {{path: root.key.pem}}
      tsa: {{path: tsa.key.pem}}
pki-architectures:
  test-pki:
    keyset: tsa-keys
    entity-defaults: {{country-name: TH, organization-name: Test Timestamp Authority}}
    entities:
      root: {{common-name: Test TSA Root}}
      tsa: {{common-name: Test Time Stamping}}
    certs:
      root:
        subject: root
        issuer: root
        validity: {{valid-from: "2020-01-01T00:00:00+0000", valid-to: "2045-01-01T00:00:00+0000"}}
        extensions:
          - id: basic_constraints
            critical: true
            value: {{ca: true}}
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}}
      tsa:
        subject: tsa
        issuer: root
        validity: {{valid-from: "2020-01-01T00:00:00+0000", valid-to: "2044-01-01T00:00:00+0000"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature]}}
          - id: extended_key_usage
            critical: true
            value: [time_stamping]
          - id: crl_distribution_points
            smart-value: {{schema: crl-dist-url, params: {{crl-repo-names: [root]}}}}
    services:
      crl-repo:
        root: {{for-issuer: root, signing-key: root, simulated-update-schedule: "P90D"}}
      time-stamping:
        tsa: {{signing-key: tsa, signing-cert: tsa}}
"""


@dataclass
class LocalTsa:
    url: str
    root_pem: Path
    server: object

    def stop(self):
        if not getattr(self, "stopped", False):
            self.server.shutdown()
            self.server.server_close()
            self.stopped = True


def start(folder: Path) -> LocalTsa:
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import CertomancerConfig
    from werkzeug.serving import make_server

    for name in ("root", "tsa"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (folder / f"{name}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    app = {}
    server = make_server(
        "127.0.0.1", 0, lambda env, start_response: app["wsgi"](env, start_response)
    )
    prefix = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_yaml(
        CONFIG.format(prefix=prefix, keys=folder), key_search_dir=str(folder)
    )
    app["wsgi"] = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    arch = config.get_pki_arch("test-pki")
    root_pem = folder / "root.cert.pem"
    root_pem.write_bytes(arch.get_cert("root").dump())
    return LocalTsa(url=f"{prefix}/test-pki/tsa/tsa", root_pem=root_pem, server=server)
