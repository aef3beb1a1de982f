#include "pipeline/download/loginpolicy.h"

#include <QtGlobal>

namespace Pop3Connector {

namespace {

// The sentences are the retrieval's, which raises them.
constexpr const char *kContext = "Pop3Connector::MailboxRetrieval";

} // namespace

const SaslMechanism *loginMechanism(AuthMethod auth, const QList<QByteArray> &offered)
{
    switch (auth) {
    case AuthMethod::Automatic:
        return strongestSaslMechanism(offered, SaslProtocol::Pop3);
    case AuthMethod::Plain:
        return saslMechanism("PLAIN");
    case AuthMethod::Login:
        return saslMechanism("LOGIN");
    case AuthMethod::CramMd5:
        return saslMechanism("CRAM-MD5");
    case AuthMethod::XOAuth2:
        return saslMechanism("XOAUTH2");
    case AuthMethod::OAuthBearer:
        return saslMechanism("OAUTHBEARER");
    case AuthMethod::User:
    case AuthMethod::Apop:
        break;
    }
    return nullptr;
}

QList<CapabilityConflict> capabilityConflicts(
    const MailboxSettings &mb, const Capabilities &caps, int intervalSeconds)
{
    QList<CapabilityConflict> out;
    if (mb.leaveOnServer && caps.expireDays) {
        const int serverDays = *caps.expireDays;
        if (serverDays == 0 || mb.deleteAfterDays == 0 || mb.deleteAfterDays > serverDays) {
            out.append({EventId::ExpirePolicyConflict,
                serverDays == 0
                    ? Phrase(kContext,
                        QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                            "%1 deletes messages as soon as they are retrieved (EXPIRE 0), but "
                            "the mailbox is set to leave them on the server."))
                          .arg(mb.host)
                    : Phrase(kContext,
                        QT_TRANSLATE_N_NOOP("Pop3Connector::MailboxRetrieval",
                            "%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than "
                            "the mailbox is set to keep them."),
                        serverDays)
                          .arg(mb.host)});
        }
    }
    // RFC 2449 §6.8: a server that allows a login only every n seconds.
    if (caps.loginDelaySeconds && intervalSeconds > 0
        && *caps.loginDelaySeconds > intervalSeconds) {
        out.append({EventId::LoginDelayLongerThanInterval,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "%1 allows a login every %2 minute(s); the schedule retrieves every %3 "
                    "minute(s)."))
                .arg(mb.host)
                .arg((*caps.loginDelaySeconds + 59) / 60)
                .arg(intervalSeconds / 60)});
    }
    return out;
}

} // namespace Pop3Connector
