"""A brand-name SMS gateway over JSON and HTTP (the telecoms' APIs share this shape: a key, a brand
name, a number and a text; error_code 0 when taken)."""

from adapter_kit.json_api import JsonApiClient

from .client import SmsGateway, SmsRefused, SmsUnavailable


class HttpSmsGateway(JsonApiClient, SmsGateway):
    unavailable, refused, breaker_name = SmsUnavailable, SmsRefused, "sms-gateway"

    def __init__(self, base_url, *, brandname="", **options):
        super().__init__(base_url, **options)
        self.brandname = brandname

    @classmethod
    def from_settings(cls, config):
        return cls(
            config["URL"],
            api_key=config["API_KEY"],
            brandname=config["BRANDNAME"],
            connect_timeout=config["CONNECT_TIMEOUT"],
            read_timeout=config["READ_TIMEOUT"],
        )

    def send(self, phone, text):
        self._call("POST", "/v1/sms", json={"brandname": self.brandname, "phone": phone, "text": text})
