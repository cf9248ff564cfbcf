#!/usr/bin/python3
"""Shares an SSO sign-in between the AWS CLI v2 and Redoubt, through the sandbox.

Debian's AWS CLI v2 (2.9.19) cannot be pointed at a local endpoint for `aws sso login` (endpoint_url
arrived in 2.13), so this drives the CLI v2's own sign-in code, `do_sso_login`, the function behind
`aws sso login`, with its SSO-OIDC client pointed at the sandbox, and its own token cache.

  cli-v2-sso-cache.py login  ENDPOINT START_URL SSO_REGION SESSION_NAME   # sign in as `aws sso login` does
  cli-v2-sso-cache.py read   START_URL SESSION_NAME                      # read the cache as the CLI v2 does

Run with Debian's python3 (/usr/bin/python3) so the CLI v2's vendored botocore is the one imported.
"""
import json
import sys

sys.path.insert(0, "/usr/lib/python3/dist-packages")
from awscli.botocore.session import Session  # noqa: E402  (CLI v2's vendored botocore)
from awscli.botocore.utils import JSONFileCache, SSOTokenLoader  # noqa: E402
from awscli.customizations.sso.utils import SSO_TOKEN_DIR, _sso_json_dumps, do_sso_login  # noqa: E402


def login(endpoint, start_url, region, session_name):
    session = Session()
    create = session.create_client

    def create_client(name, *args, **kwargs):
        kwargs["endpoint_url"] = endpoint
        return create(name, *args, **kwargs)

    session.create_client = create_client
    shown = []
    token = do_sso_login(session, region, start_url,
                         token_cache=JSONFileCache(SSO_TOKEN_DIR, dumps_func=_sso_json_dumps),
                         on_pending_authorization=lambda **kw: shown.append(kw.get("userCode")),
                         registration_scopes=["sso:account:access"], session_name=session_name)
    print(json.dumps({"signedIn": True, "userCode": shown[0] if shown else None, "expiresAt": str(token.get("expiresAt"))}))


def read(start_url, session_name):
    loader = SSOTokenLoader(cache=JSONFileCache(SSO_TOKEN_DIR, dumps_func=_sso_json_dumps))
    token = loader(start_url, session_name=session_name)
    print(json.dumps({"found": bool(token.get("accessToken")), "expiresAt": token.get("expiresAt"),
                      "refreshable": bool(token.get("refreshToken"))}))


if __name__ == "__main__":
    if sys.argv[1] == "login":
        login(*sys.argv[2:6])
    elif sys.argv[1] == "read":
        read(*sys.argv[2:4])
    else:
        sys.exit("usage: cli-v2-sso-cache.py login ENDPOINT START_URL SSO_REGION SESSION | read START_URL SESSION")
