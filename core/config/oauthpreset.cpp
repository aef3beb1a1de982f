#include "config/oauthpreset.h"

namespace Pop3Connector {

const OAuthPreset *oauthPreset(OAuthProvider provider)
{
    // Microsoft's identity platform, "common" tenant: work, school and personal accounts alike.
    // offline_access is what makes it issue a refresh token.
    static const OAuthPreset microsoft {
        QStringLiteral("outlook.office365.com"),
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"),
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"),
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/devicecode"),
        QStringLiteral("https://outlook.office.com/POP.AccessAsUser.All offline_access"),
    };
    // Google: the one scope that covers IMAP, POP3 and SMTP; a refresh token comes with
    // access_type=offline on the authorization request.
    static const OAuthPreset google {
        QStringLiteral("pop.gmail.com"),
        QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"),
        QStringLiteral("https://oauth2.googleapis.com/token"),
        QStringLiteral("https://oauth2.googleapis.com/device/code"),
        QStringLiteral("https://mail.google.com/"),
    };
    switch (provider) {
    case OAuthProvider::Microsoft:
        return &microsoft;
    case OAuthProvider::Google:
        return &google;
    case OAuthProvider::Custom:
        break;
    }
    return nullptr;
}

} // namespace Pop3Connector
