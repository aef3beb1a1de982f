#include "config/configkeys.h"

#include "config/oauthpreset.h"

#include <QStandardPaths>

namespace Pop3Connector {

namespace {

const Choices kLogLevels = {settingValue(LogLevel::None), settingValue(LogLevel::Minimum),
    settingValue(LogLevel::Medium), settingValue(LogLevel::Maximum)};
const Choices kPop3Security = {
    QStringLiteral("tls"), QStringLiteral("starttls"), QStringLiteral("none")};
const Choices kAuthMethods = {QStringLiteral("auto"), QStringLiteral("user"),
    QStringLiteral("apop"), QStringLiteral("plain"), QStringLiteral("login"),
    QStringLiteral("cram-md5"), QStringLiteral("xoauth2"), QStringLiteral("oauthbearer")};
const Choices kDeliveryAuth = {
    QStringLiteral("password"), QStringLiteral("xoauth2"), QStringLiteral("oauthbearer")};
const Choices kOAuthProviders = {
    QStringLiteral("custom"), QStringLiteral("microsoft"), QStringLiteral("google")};

// A preset's value for a key it fills; empty for custom.
template<typename Field>
ConfigKey<MailboxSettings> presetKey(
    const char16_t *name, QString MailboxSettings::*member, Field field)
{
    return configKey(name, KeyType::Text, member)
        .orElse([field](const MailboxSettings &s) {
            const OAuthPreset *preset = oauthPreset(s.oauthProvider);
            return QVariant(preset ? field(*preset) : QString());
        })
        .omittedWhenDefault();
}
const Choices kMailboxTypes = {QStringLiteral("user"), QStringLiteral("global")};
const Choices kTransports = {
    QStringLiteral("smtp"), QStringLiteral("lmtp"), QStringLiteral("pickup")};
const Choices kDeliverySecurity = {
    QStringLiteral("none"), QStringLiteral("starttls"), QStringLiteral("tls")};
const Choices kPasswordStores = {QStringLiteral("keychain"), QStringLiteral("files")};

} // namespace

QString ConnectorSettings::defaultSpool()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/pop3connector/spool");
}

const QList<ConfigKey<ConnectorSettings>> &connectorKeys()
{
    using S = ConnectorSettings;
    static const QList<ConfigKey<S>> keys = {
        configKey(u"spool", KeyType::Path, &S::spool).orElse([](const S &) {
            return QVariant(S::defaultSpool());
        }),
        choiceKey(u"log_level", &S::logLevel, kLogLevels),
        configKey(u"undeliverable_mailbox", KeyType::Address, &S::undeliverableMailbox),
        configKey(u"administrator_address", KeyType::Address, &S::administratorAddress)
            .omittedWhenDefault(),
        numberKey(u"interval_minutes", &S::intervalMinutes, 1, 7 * 24 * 60),
        configKey(u"schedule_enabled", KeyType::Boolean, &S::scheduleEnabled),
        numberKey(u"timeout_seconds", &S::timeoutSeconds, 1, 3600),
        numberKey(u"max_connections_per_host", &S::maxConnectionsPerHost, 1, 16),
        // Its default follows the file (ConfigurationFile::load): files for the system
        // configuration, the keychain for a desktop user's.
        choiceKey(u"password_store", &S::passwordStore, kPasswordStores).omittedWhenDefault(),
        configKey(u"control_socket", KeyType::Path, &S::controlSocket).omittedWhenDefault(),
        configKey(u"control_group", KeyType::Text, &S::controlGroup).omittedWhenDefault(),
        numberKey(u"control_backlog_kb", &S::controlBacklogKb, 64, 1024 * 1024)
            .omittedWhenDefault(),
        numberKey(u"tracking_days", &S::trackingDays, 1, 3650).omittedWhenDefault(),
    };
    return keys;
}

const QList<ConfigKey<DeliverySettings>> &deliveryKeys()
{
    using S = DeliverySettings;
    static const QList<ConfigKey<S>> keys = {
        choiceKey(u"transport", &S::transport, kTransports),
        configKey(u"host", KeyType::Text, &S::host),
        numberKey(u"port", &S::port, 1, 65535).orElse([](const S &s) {
            return QVariant(int(S::defaultPort(s.transport, s.security)));
        }),
        choiceKey(u"security", &S::security, kDeliverySecurity),
        configKey(u"user", KeyType::Text, &S::user).omittedWhenDefault(),
        choiceKey(u"auth", &S::auth, kDeliveryAuth).omittedWhenDefault(),
        configKey(u"password_file", KeyType::Path, &S::passwordFile).omittedWhenDefault(),
        configKey(u"ca_file", KeyType::Path, &S::caFile).omittedWhenDefault(),
        numberKey(u"connections", &S::connections, 1, 16),
        configKey(u"oauth_client_id", KeyType::Text, &S::oauthClientId).omittedWhenDefault(),
        configKey(u"oauth_client_secret", KeyType::Text, &S::oauthClientSecret)
            .omittedWhenDefault(),
        configKey(u"oauth_authorization_url", KeyType::Text, &S::oauthAuthorizationUrl)
            .omittedWhenDefault(),
        configKey(u"oauth_token_url", KeyType::Text, &S::oauthTokenUrl).omittedWhenDefault(),
        configKey(u"oauth_device_url", KeyType::Text, &S::oauthDeviceUrl).omittedWhenDefault(),
        configKey(u"oauth_scopes", KeyType::Text, &S::oauthScopes).omittedWhenDefault(),
    };
    return keys;
}

const QList<ConfigKey<MailboxSettings>> &mailboxKeys()
{
    using S = MailboxSettings;
    static const QList<ConfigKey<S>> keys = {
        // A provider preset names the server.
        configKey(u"host", KeyType::Text, &S::host)
            .orElse([](const S &s) {
                const OAuthPreset *preset = oauthPreset(s.oauthProvider);
                return QVariant(preset ? preset->host : QString());
            })
            .required(
                QT_TRANSLATE_NOOP("Pop3Connector", "missing; name the provider's POP3 server")),
        numberKey(u"port", &S::port, 1, 65535).orElse([](const S &s) {
            return QVariant(int(S::defaultPort(s.security)));
        }),
        choiceKey(u"security", &S::security, kPop3Security),
        choiceKey(u"auth", &S::auth, kAuthMethods),
        configKey(u"user", KeyType::Text, &S::user)
            .required(QT_TRANSLATE_NOOP("Pop3Connector", "missing; give the POP3 user name")),
        configKey(u"password_file", KeyType::Path, &S::passwordFile).omittedWhenDefault(),
        configKey(u"ca_file", KeyType::ReadableFile, &S::caFile).omittedWhenDefault(),
        configKey(u"ca_pinned", KeyType::Boolean, &S::caPinned).omittedWhenDefault(),
        choiceKey(u"type", &S::type, kMailboxTypes),
        configKey(u"local_mailbox", KeyType::Address, &S::localMailbox),
        configKey(u"accepted_domains", KeyType::Domains, &S::acceptedDomains).omittedWhenDefault(),
        configKey(u"envelope_headers", KeyType::List, &S::envelopeHeaders).omittedWhenDefault(),
        configKey(u"leave_on_server", KeyType::Boolean, &S::leaveOnServer),
        numberKey(u"delete_after_days", &S::deleteAfterDays, 0, 3650),
        numberKey(u"max_message_kb", &S::maxMessageKb, 1, 4 * 1024 * 1024).zeroMeansDefault(),
        numberKey(u"max_messages_per_cycle", &S::maxMessagesPerCycle, 0, 10000000),
        configKey(u"enabled", KeyType::Boolean, &S::enabled),
        choiceKey(u"oauth_provider", &S::oauthProvider, kOAuthProviders).omittedWhenDefault(),
        configKey(u"oauth_client_id", KeyType::Text, &S::oauthClientId).omittedWhenDefault(),
        configKey(u"oauth_client_secret", KeyType::Text, &S::oauthClientSecret)
            .omittedWhenDefault(),
        presetKey(u"oauth_authorization_url", &S::oauthAuthorizationUrl,
            [](const OAuthPreset &p) { return p.authorizationUrl; }),
        presetKey(
            u"oauth_token_url", &S::oauthTokenUrl, [](const OAuthPreset &p) { return p.tokenUrl; }),
        presetKey(u"oauth_device_url", &S::oauthDeviceUrl,
            [](const OAuthPreset &p) { return p.deviceUrl; }),
        presetKey(u"oauth_scopes", &S::oauthScopes, [](const OAuthPreset &p) { return p.scopes; }),
    };
    return keys;
}

QVariant fileValue(KeyType type, const Choices *choices, const QVariant &value)
{
    switch (type) {
    case KeyType::Choice:
        return choices->value(value.toInt());
    case KeyType::List:
    case KeyType::Domains:
        return value.toStringList().join(QStringLiteral(", "));
    default:
        return value;
    }
}

QString settingValue(Pop3Security security)
{
    return kPop3Security.value(int(security));
}
QString settingValue(AuthMethod method)
{
    return kAuthMethods.value(int(method));
}
QString settingValue(MailboxType type)
{
    return kMailboxTypes.value(int(type));
}
QString settingValue(Transport transport)
{
    return kTransports.value(int(transport));
}
QString settingValue(DeliveryAuth auth)
{
    return kDeliveryAuth.value(int(auth));
}
QString settingValue(OAuthProvider provider)
{
    return kOAuthProviders.value(int(provider));
}
QString settingValue(PasswordStore store)
{
    return kPasswordStores.value(int(store));
}

QString settingValue(DeliverySecurity security)
{
    return kDeliverySecurity.value(int(security));
}

} // namespace Pop3Connector
