#pragma once

#include "config/configuration.h"

#include <QString>

namespace Pop3Connector {

// What a provider preset fills in for a mailbox that signs in with OAuth 2.0: the POP3 server
// (implicit TLS on 995, the mailbox's defaults), the endpoints of the provider's sign-in, and
// the scopes that let a token read mail over POP3 and be refreshed.
struct OAuthPreset
{
    QString host;
    QString authorizationUrl;
    QString tokenUrl;
    QString deviceUrl; // RFC 8628 device authorization
    QString scopes; // space-separated
};

// The preset of `provider`; nullptr for custom, whose file names everything.
const OAuthPreset *oauthPreset(OAuthProvider provider);

} // namespace Pop3Connector
