"""Digital signatures by an agency's or a person's key, wherever the key is held: the interface and
the PAdES operations the systems call (client, pades), a backend reading PKCS#12 files from a folder
(local), a backend for a CA's remote signing service over the Cloud Signature Consortium API (csc),
and a fake remote signing service on loopback (fake_server). Checking a signature needs no key and
stays in government.signing."""
