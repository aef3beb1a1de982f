#include "diagnosis/configurationchecks.h"

#include <QHash>

namespace Pop3Connector {

namespace {

// The context lupdate gives the QT_TR_NOOP strings of ConfigurationChecks's functions, as it gave
// their tr().
constexpr char kContext[] = "Pop3Connector::ConfigurationChecks";

// USER/PASS, AUTH PLAIN and AUTH LOGIN send the password itself; APOP and CRAM-MD5 a digest.
// Automatic prefers a digest but falls back to USER when the server offers nothing else.
bool sendsPasswordInClear(AuthMethod auth)
{
    return auth != AuthMethod::Apop && auth != AuthMethod::CramMd5;
}

} // namespace

QList<Finding> ConfigurationChecks::evaluate(const Configuration &c)
{
    QList<Finding> out;
    QHash<QString, QString> accounts; // "user@host" -> the first entry naming it
    bool duplicates = false;
    bool globalsFine = true;
    bool clearFine = true;
    for (const MailboxSettings &m : c.mailboxes) {
        if (!m.enabled)
            continue;
        const QString account = m.user + u'@' + m.host.toLower();
        if (const auto it = accounts.constFind(account); it != accounts.constEnd()) {
            duplicates = true;
            out.append({QStringLiteral("config.duplicate-account"), Verdict::Fail,
                Phrase(kContext, QT_TR_NOOP("Mailboxes %1 and %2 retrieve the same account"))
                    .arg(*it, m.name),
                Phrase(kContext, QT_TR_NOOP("both log in to %1 as %2")).arg(m.host, m.user),
                Phrase(kContext,
                    QT_TR_NOOP(
                        "Keep one entry per account: whichever runs first takes the mail (and with "
                        "leave on server off, deletes it), so the other finds the mailbox empty. "
                        "Remove or disable one of them."))});
        } else {
            accounts.insert(account, m.name);
        }
        if (m.type == MailboxType::Global && m.rules.isEmpty() && m.acceptedDomains.isEmpty()) {
            globalsFine = false;
            out.append({QStringLiteral("config.global-rules"), Verdict::Fail,
                Phrase(kContext,
                    QT_TR_NOOP("Global mailbox %1 has no routing rules and no accepted domains"))
                    .arg(m.name),
                {},
                Phrase(kContext,
                    QT_TR_NOOP(
                        "Add accepted domains or rules (PATTERN -> TARGET) to [mailbox.%1], or "
                        "make it "
                        "a user mailbox with a local mailbox; otherwise every message goes to the "
                        "undeliverable mailbox."))
                    .arg(m.name)});
        }
        if (m.security == Pop3Security::None && sendsPasswordInClear(m.auth)) {
            clearFine = false;
            out.append({QStringLiteral("config.plain-login"), Verdict::Warning,
                Phrase(kContext, QT_TR_NOOP("Mailbox %1 sends its password unencrypted"))
                    .arg(m.name),
                Phrase(kContext, QT_TR_NOOP("security = none with auth = %1"))
                    .arg(settingValue(m.auth)),
                Phrase(kContext,
                    QT_TR_NOOP("Use security = tls (port 995) or starttls if the provider offers "
                               "it; anyone "
                               "on the network path can read the password otherwise."))});
        }
    }
    if (!duplicates)
        out.append({QStringLiteral("config.duplicate-account"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("Each account is retrieved by one mailbox entry")), {},
            {}});
    if (globalsFine)
        out.append({QStringLiteral("config.global-rules"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("Every global mailbox routes its mail")), {}, {}});
    if (clearFine)
        out.append({QStringLiteral("config.plain-login"), Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("No password is sent unencrypted")), {}, {}});
    return out;
}

Finding ConfigurationChecks::password(const QString &name, const Result<QByteArray> &found)
{
    const QString id = QStringLiteral("config.password");
    if (found)
        return {id, Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("The password for %1 is stored")).arg(name), {}, {}};
    switch (found.error().code) {
    case ErrorCode::NotFound:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("No password is stored for %1")).arg(name),
            found.error().message,
            Phrase(kContext, QT_TR_NOOP("Store it with: pop3connectorctl set-password %1"))
                .arg(name)};
    case ErrorCode::PermissionDenied:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The password file of %1 can be read by others")).arg(name),
            found.error().message,
            Phrase(kContext,
                QT_TR_NOOP("Make the file private to the service user: chmod 600 FILE, owned by "
                           "that user."))};
    default:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The password for %1 cannot be read")).arg(name),
            found.error().message,
            Phrase(kContext,
                QT_TR_NOOP("Check that the keychain is unlocked, or that the password file is "
                           "readable by the "
                           "service user."))};
    }
}

Finding ConfigurationChecks::signIn(const QString &name, const Result<QByteArray> &issued)
{
    const QString id = QStringLiteral("config.sign-in");
    if (issued)
        return {id, Verdict::Pass,
            Phrase(kContext, QT_TR_NOOP("%1 is signed in; the provider issued an access token"))
                .arg(name),
            {}, {}};
    const Phrase again =
        Phrase(kContext, QT_TR_NOOP("Sign in: pop3connectorctl authorize %1")).arg(name);
    switch (issued.error().code) {
    case ErrorCode::NotFound:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("Nobody has signed in for %1")).arg(name),
            issued.error().message, again};
    case ErrorCode::PermissionDenied:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The provider withdrew the sign-in of %1")).arg(name),
            issued.error().message, again};
    case ErrorCode::Protocol:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The provider issued no access token for %1")).arg(name),
            issued.error().message,
            Phrase(kContext,
                QT_TR_NOOP("Check the network, oauth_token_url, and the client id and secret."))};
    default:
        return {id, Verdict::Fail,
            Phrase(kContext, QT_TR_NOOP("The sign-in of %1 cannot be read")).arg(name),
            issued.error().message,
            Phrase(kContext,
                QT_TR_NOOP("Check that the keychain is unlocked, or that the password store is "
                           "readable by "
                           "the service user."))};
    }
}

} // namespace Pop3Connector
