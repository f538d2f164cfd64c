"""What only a demonstration needs: a certificate authority that issues every demo agency and signer
a certificate on first use (pki). Production leaves this app out (PORTAL_DEMO=0) and installs the
province's certificates instead (signing_adapter, docs/signing.md)."""
