"""Keys held by a CA's remote signing service, reached over the Cloud Signature Consortium API v1
(credentials/info for the certificate chain, credentials/authorize for the signature activation
data, signatures/signHash for the signature): pyHanko's CSCSigner does the signing side, this module
the authorisation and the errors."""

import asyncio
import io

import aiohttp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers.csc_signer import (
    CSCAuthorizationManager,
    CSCServiceSessionInfo,
    CSCSigner,
    fetch_certs_in_csc_credential,
)

from .client import SigningService, SigningUnavailable


class PinAuthorization(CSCAuthorizationManager):
    """Signature activation data per signing, with the credential's PIN (the "explicit" mode an
    organisation's seal key uses; a person's OTP confirmation would be another subclass)."""

    def __init__(self, session_info, credential_info, session, pin, timeout):
        super().__init__(session_info, credential_info)
        self.session, self.pin, self.timeout = session, pin, timeout

    async def authorize_signature(self, hash_b64s):
        request = self.format_csc_auth_request(
            pin=self.pin or None,
            hash_b64s=hash_b64s if self.credential_info.hash_pinning_required else None,
            num_signatures=len(hash_b64s),
        )
        async with self.session.post(
            self.csc_session_info.endpoint_url("credentials/authorize"),
            headers=self.auth_headers,
            json=request,
            raise_for_status=True,
            timeout=aiohttp.ClientTimeout(total=self.timeout),
        ) as response:
            return self.parse_csc_auth_response(await response.json())


class RemoteSigning(SigningService):
    def __init__(self, url, *, token="", pin="", timeout=15.0):
        self.url, self.token, self.pin, self.timeout = url.rstrip("/"), token, pin, timeout

    @classmethod
    def from_settings(cls, config):
        return cls(config["URL"], token=config["TOKEN"], pin=config["PIN"], timeout=config["TIMEOUT"])

    def sign(self, pdf_bytes, holder, metadata, *, stamp_style=None, strict=True):
        # pyHanko's CSC signer is asynchronous (aiohttp); a request's thread runs no event loop.
        return asyncio.run(self._sign(pdf_bytes, holder, metadata, stamp_style, strict))

    async def _sign(self, pdf_bytes, holder, metadata, stamp_style, strict):
        session_info = CSCServiceSessionInfo(self.url, holder.credential_id, oauth_token=self.token or None)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as session:
            try:
                credential = await fetch_certs_in_csc_credential(session, session_info, timeout=int(self.timeout))
            except SigningError as error:
                raise holder.unavailable() from error
            authorization = PinAuthorization(session_info, credential, session, self.pin, self.timeout)
            signer = CSCSigner(session, authorization, sign_timeout=int(self.timeout))
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=strict)
            try:
                output = await signers.PdfSigner(metadata, signer, stamp_style=stamp_style).async_sign_pdf(writer)
            except (SigningError, aiohttp.ClientError, asyncio.TimeoutError) as error:
                raise SigningUnavailable() from error
            return output.getvalue()

    def health(self):
        return asyncio.run(self._health())

    async def _health(self):
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as session:
                async with session.post(f"{self.url}/csc/v1/info", json={}) as response:
                    return response.status == 200, f"HTTP {response.status}"
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            return False, type(error).__name__
