#pragma once

#include "events/event.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace Pop3Connector {

// The file names each enumerator below by its position (configkeys.cpp): a new one goes last,
// with its name there.
enum class Pop3Security { Tls, StartTls, None };
// Automatic up to CramMd5 log in with a password; XOAuth2 and OAuthBearer with an OAuth 2.0
// access token the service obtains (core/oauth).
enum class AuthMethod { Automatic, User, Apop, Plain, Login, CramMd5, XOAuth2, OAuthBearer };
// Whose sign-in a token mailbox uses: a preset fills the server and the endpoints (oauthpreset.h);
// custom names them in the file.
enum class OAuthProvider { Custom, Microsoft, Google };
// How the delivery login proves itself to the local server: the stored password, or an OAuth 2.0
// access token.
enum class DeliveryAuth { Password, XOAuth2, OAuthBearer };
enum class MailboxType { User, Global };
enum class Transport { Smtp, Lmtp, Pickup };
enum class DeliverySecurity { None, StartTls, Tls };
// Where the service keeps the passwords it reads: the system keychain of the user it runs as, or
// private files under its spool's state folder (config/passwordstore.h says when each is used).
enum class PasswordStore { Keychain, Files };

// "PATTERN -> TARGET": an exact address or "*@domain", mapped to a local address, or to
// "*@domain" to keep the local part.
struct RoutingRule
{
    QString pattern;
    QString target;
};

// The initialisers below are the defaults of the configuration file's keys; config/configkeys.cpp
// maps each key to its member, and the defaults that depend on other keys are functions here.

// One [mailbox.NAME] section: a POP3 account and where its mail goes.
struct MailboxSettings
{
    QString name; // the NAME of the section; letters, digits, '.', '_', '-', '@'
    QString host;
    quint16 port = defaultPort(Pop3Security::Tls);
    Pop3Security security = Pop3Security::Tls;
    AuthMethod auth = AuthMethod::Automatic;
    QString user;
    QString passwordFile; // empty: the system keychain
    QString caFile; // extra trust anchor for a provider's own certificate
    bool caPinned = false; // caFile holds the one certificate the server may present
    MailboxType type = MailboxType::User;
    QString localMailbox; // type user: every message goes here
    // type global: which recipients are ours, where to find them, where they go
    QStringList acceptedDomains;
    QStringList envelopeHeaders = defaultEnvelopeHeaders();
    QList<RoutingRule> rules;
    bool leaveOnServer = false;
    int deleteAfterDays = 0; // with leaveOnServer; 0 keeps mail on the server for ever
    // A ceiling on every message, so that a server cannot fill the disk with one that never
    // ends (docs/configuration.md). Older files say 0 for "no limit"; that reads as the default.
    static constexpr int kDefaultMaxMessageKb = 100 * 1024;
    int maxMessageKb = kDefaultMaxMessageKb;
    int maxMessagesPerCycle = 0; // 0: no cap
    bool enabled = true;
    // OAuth 2.0 sign-in (auth xoauth2 or oauthbearer): the application the administrator
    // registered with the provider, and the provider's endpoints and scopes (space-separated, as
    // RFC 6749 §3.3 writes them); a preset's unless the file names them. The refresh token lives
    // in the password store under refreshTokenKey(), never here.
    OAuthProvider oauthProvider = OAuthProvider::Custom;
    QString oauthClientId;
    QString oauthClientSecret; // empty for a public client
    QString oauthAuthorizationUrl;
    QString oauthTokenUrl;
    QString oauthDeviceUrl;
    QString oauthScopes;

    // Implicit TLS on 995 (RFC 8314), else 110: the port unless one is given.
    static quint16 defaultPort(Pop3Security security)
    {
        return security == Pop3Security::Tls ? 995 : 110;
    }
    // The size limit in force, in KB.
    int messageLimitKb() const { return maxMessageKb > 0 ? maxMessageKb : kDefaultMaxMessageKb; }
    // The keychain entry that holds this mailbox's password.
    QString keychainKey() const;
    // Whether it logs in with an OAuth 2.0 token rather than a password.
    bool usesOAuth() const
    {
        return auth == AuthMethod::XOAuth2 || auth == AuthMethod::OAuthBearer;
    }
    // The password store's entry that holds its OAuth 2.0 refresh token.
    QString refreshTokenKey() const;
    static QStringList defaultEnvelopeHeaders();
};

struct DeliverySettings
{
    Transport transport = Transport::Smtp;
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = defaultPort(Transport::Smtp, DeliverySecurity::None);
    DeliverySecurity security = DeliverySecurity::None;
    QString user; // SMTP AUTH, when the local server wants it
    DeliveryAuth auth = DeliveryAuth::Password;
    QString passwordFile; // else the keychain entry keychainKey()
    QString caFile;
    // With auth xoauth2 or oauthbearer, as a mailbox's (no presets: the server is local).
    QString oauthClientId;
    QString oauthClientSecret;
    QString oauthAuthorizationUrl;
    QString oauthTokenUrl;
    QString oauthDeviceUrl;
    QString oauthScopes;
    // Connections delivering at once: a local server that syncs each message to disk takes mail
    // faster over several.
    int connections = 4;

    static QString keychainKey() { return QStringLiteral("delivery"); }
    bool usesOAuth() const { return auth != DeliveryAuth::Password; }
    // The password store's entry for the delivery login's refresh token.
    static QString refreshTokenKey() { return QStringLiteral("delivery/oauth"); }
    // LMTP's 24, SMTP's 465 with implicit TLS, else 25: the port unless one is given.
    static quint16 defaultPort(Transport transport, DeliverySecurity security)
    {
        if (transport == Transport::Lmtp)
            return 24;
        return security == DeliverySecurity::Tls ? 465 : 25;
    }
};

struct ConnectorSettings
{
    QString spool; // empty until loaded: then the file's, or defaultSpool()
    LogLevel logLevel = LogLevel::Medium;
    QString undeliverableMailbox;
    // Receives a short report when a problem starts and when it ends (docs/troubleshooting.md);
    // empty: nobody is told by mail.
    QString administratorAddress;
    int intervalMinutes = 15;
    bool scheduleEnabled = true;
    int timeoutSeconds = 60;
    int maxConnectionsPerHost = 2;
    // The control channel (docs/control-protocol.md): the socket's path (empty: the default
    // place for this configuration), the group whose members may administer the service, and
    // how many bytes of notifications wait for a client before the service drops it.
    QString controlSocket;
    static constexpr int kDefaultControlBacklogKb = 8 * 1024;
    QString controlGroup = defaultControlGroup();
    int controlBacklogKb = kDefaultControlBacklogKb;
    PasswordStore passwordStore = PasswordStore::Keychain;
    // Days the message journal keeps each message's path (docs/design.md "Message tracking").
    static constexpr int kDefaultTrackingDays = 30;
    int trackingDays = kDefaultTrackingDays;

    static QString defaultControlGroup() { return QStringLiteral("pop3connector"); }

    // The user's data folder: ~/.local/share/pop3connector/spool.
    static QString defaultSpool();
};

struct Configuration
{
    QString path; // the INI file it came from
    ConnectorSettings connector;
    DeliverySettings delivery;
    QList<MailboxSettings> mailboxes;

    const MailboxSettings *mailbox(const QString &name) const;
};

// A configuration problem, worded for the administrator: which file, line and key, what is
// wrong and what is allowed.
struct ConfigProblem
{
    QString file;
    int line = 0; // 0 when not known
    QString key; // "section/key", or empty
    QString message;

    QString toString() const;
};

struct ConfigLoadResult
{
    Configuration configuration;
    QList<ConfigProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

// Reads and writes the shared INI file through QSettings (docs/configuration.md).
class ConfigurationFile
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::ConfigurationFile)

public:
    // Loads and validates. A missing file is a problem; relative paths in it are resolved
    // against the file's folder.
    [[nodiscard]] static ConfigLoadResult load(const QString &path);
    // As load(), but a file that does not exist is no problem: every key has its default, as
    // in an empty file (what a fresh install and the desktop entry start with), the spool
    // included, so that nothing is made relative to the working folder.
    [[nodiscard]] static ConfigLoadResult loadOrDefaults(const QString &path);
    // Reads `text` as load() reads the file at `path` (relative paths against its folder).
    [[nodiscard]] static ConfigLoadResult parse(const QByteArray &text, const QString &path);
    // Writes every key; returns an empty string or what went wrong.
    [[nodiscard]] static QString save(const Configuration &configuration, const QString &path);
    // The file the programs use when no --config is given: the system configuration when it
    // exists and this user may read it, else the user's own (userPath()) when it exists, else
    // the system's when it exists, else the user's.
    static QString defaultPath();
    // ~/.config/pop3connector/pop3connector.ini
    static QString userPath();
    // The system service's file (/etc/pop3connector/pop3connector.ini), whose service keeps its
    // passwords in files and its control socket in /run/pop3connector.
    static QString systemPath();
    static bool isSystemPath(const QString &path);
    static bool isValidMailboxName(const QString &name);

private:
    static ConfigLoadResult read(
        QSettings &settings, const QString &absolute, const QByteArray &bytes);
};

QString settingValue(Pop3Security security);
QString settingValue(AuthMethod method);
QString settingValue(MailboxType type);
QString settingValue(Transport transport);
QString settingValue(DeliverySecurity security);
QString settingValue(PasswordStore store);
QString settingValue(OAuthProvider provider);
QString settingValue(DeliveryAuth auth);

} // namespace Pop3Connector
