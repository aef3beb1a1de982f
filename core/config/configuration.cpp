#include "config/configuration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <functional>

namespace Pop3Connector {

namespace {

// Free functions here translate in the context lupdate gives them; classes declare their own.
QString tr(const char *text)
{
    return QCoreApplication::translate("Pop3Connector", text);
}

const QStringList kConnectorKeys = {
    QStringLiteral("spool"),
    QStringLiteral("log_level"),
    QStringLiteral("undeliverable_mailbox"),
    QStringLiteral("interval_minutes"),
    QStringLiteral("schedule_enabled"),
    QStringLiteral("timeout_seconds"),
    QStringLiteral("max_connections_per_host"),
    QStringLiteral("control_socket"),
    QStringLiteral("control_group"),
    QStringLiteral("control_backlog_kb"),
    QStringLiteral("password_store"),
};
const QStringList kDeliveryKeys = {
    QStringLiteral("transport"),
    QStringLiteral("host"),
    QStringLiteral("port"),
    QStringLiteral("security"),
    QStringLiteral("user"),
    QStringLiteral("password_file"),
    QStringLiteral("ca_file"),
    QStringLiteral("connections"),
};
const QStringList kMailboxKeys = {
    QStringLiteral("host"),
    QStringLiteral("port"),
    QStringLiteral("security"),
    QStringLiteral("auth"),
    QStringLiteral("user"),
    QStringLiteral("password_file"),
    QStringLiteral("ca_file"),
    QStringLiteral("type"),
    QStringLiteral("local_mailbox"),
    QStringLiteral("leave_on_server"),
    QStringLiteral("delete_after_days"),
    QStringLiteral("max_message_kb"),
    QStringLiteral("max_messages_per_cycle"),
    QStringLiteral("enabled"),
    QStringLiteral("accepted_domains"),
    QStringLiteral("envelope_headers"),
};

// QSettings accepts lines it cannot parse without a word; an administrator deserves the line.
QList<ConfigProblem> lintLines(const QString &path, const QByteArray &bytes)
{
    QList<ConfigProblem> problems;
    const QList<QByteArray> lines = bytes.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(';') || line.startsWith('#'))
            continue;
        if (line.startsWith('[')) {
            if (!line.endsWith(']') || line.size() < 3) {
                problems.append({path, i + 1, {},
                    tr("\"%1\" is not a section header; write [section]")
                        .arg(QString::fromUtf8(line))});
            }
            continue;
        }
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0) {
            problems.append({path, i + 1, {},
                tr("\"%1\" is not a setting; write key = value").arg(QString::fromUtf8(line))});
        }
    }
    return problems;
}

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::Reader)

public:
    Reader(QSettings &settings, QString path, QList<ConfigProblem> &problems)
        : m_settings(settings)
        , m_path(std::move(path))
        , m_problems(problems)
    { }

    void begin(const QString &group) { m_group = group; }

    bool has(const QString &key) const { return m_settings.contains(m_group + u'/' + key); }

    QString string(const QString &key, const QString &fallback = {})
    {
        const QVariant v = m_settings.value(m_group + u'/' + key);
        if (!v.isValid())
            return fallback;
        // QSettings turns an unquoted "a, b" into a list; the connector's values are strings.
        if (v.userType() == QMetaType::QStringList)
            return v.toStringList().join(QStringLiteral(", "));
        return v.toString().trimmed();
    }

    int integer(const QString &key, int fallback, int min, int max)
    {
        if (!has(key))
            return fallback;
        bool ok = false;
        const int value = string(key).toInt(&ok);
        if (!ok || value < min || value > max) {
            problem(key,
                tr("\"%1\" is not allowed; use a whole number from %2 to %3")
                    .arg(string(key))
                    .arg(min)
                    .arg(max));
            return fallback;
        }
        return value;
    }

    bool boolean(const QString &key, bool fallback)
    {
        if (!has(key))
            return fallback;
        const QString s = string(key).toLower();
        if (s == u"true" || s == u"yes" || s == u"on" || s == u"1")
            return true;
        if (s == u"false" || s == u"no" || s == u"off" || s == u"0")
            return false;
        problem(key, tr("\"%1\" is not allowed; use true or false").arg(string(key)));
        return fallback;
    }

    template<typename E>
    E choice(const QString &key, E fallback, const QList<std::pair<QString, E>> &allowed)
    {
        if (!has(key))
            return fallback;
        const QString s = string(key).toLower();
        QStringList names;
        for (const auto &[name, value] : allowed) {
            if (s == name)
                return value;
            names.append(name);
        }
        problem(key,
            tr("\"%1\" is not allowed; use one of: %2")
                .arg(string(key), names.join(QStringLiteral(", "))));
        return fallback;
    }

    QString path(const QString &key)
    {
        const QString value = string(key);
        if (value.isEmpty())
            return {};
        return QDir::cleanPath(QFileInfo(m_path).absoluteDir().absoluteFilePath(value));
    }

    void problem(const QString &key, const QString &message)
    {
        m_problems.append({m_path, 0, m_group + u'/' + key, message});
    }

    QStringList keys()
    {
        m_settings.beginGroup(m_group);
        const QStringList out = m_settings.childKeys();
        m_settings.endGroup();
        return out;
    }

    void unknownKeys(const QStringList &allowed)
    {
        m_settings.beginGroup(m_group);
        const QStringList keys = m_settings.childKeys();
        m_settings.endGroup();
        static const QRegularExpression rule(QStringLiteral("^rule[1-9][0-9]*$"));
        for (const QString &k : keys) {
            if (!allowed.contains(k) && !(allowed == kMailboxKeys && rule.match(k).hasMatch())) {
                problem(k,
                    tr("unknown key; the keys of this section are: %1")
                        .arg(allowed.join(QStringLiteral(", "))));
            }
        }
    }

private:
    QSettings &m_settings;
    QString m_path;
    QList<ConfigProblem> &m_problems;
    QString m_group;
};

const QList<std::pair<QString, LogLevel>> kLogLevels = {
    {QStringLiteral("none"), LogLevel::None},
    {QStringLiteral("minimum"), LogLevel::Minimum},
    {QStringLiteral("medium"), LogLevel::Medium},
    {QStringLiteral("maximum"), LogLevel::Maximum},
};
const QList<std::pair<QString, Pop3Security>> kPop3Security = {
    {QStringLiteral("tls"), Pop3Security::Tls},
    {QStringLiteral("starttls"), Pop3Security::StartTls},
    {QStringLiteral("none"), Pop3Security::None},
};
const QList<std::pair<QString, AuthMethod>> kAuthMethods = {
    {QStringLiteral("auto"), AuthMethod::Automatic},
    {QStringLiteral("user"), AuthMethod::User},
    {QStringLiteral("apop"), AuthMethod::Apop},
    {QStringLiteral("plain"), AuthMethod::Plain},
    {QStringLiteral("login"), AuthMethod::Login},
    {QStringLiteral("cram-md5"), AuthMethod::CramMd5},
};
const QList<std::pair<QString, MailboxType>> kMailboxTypes = {
    {QStringLiteral("user"), MailboxType::User},
    {QStringLiteral("global"), MailboxType::Global},
};
const QList<std::pair<QString, Transport>> kTransports = {
    {QStringLiteral("smtp"), Transport::Smtp},
    {QStringLiteral("lmtp"), Transport::Lmtp},
    {QStringLiteral("pickup"), Transport::Pickup},
};
const QList<std::pair<QString, PasswordStore>> kPasswordStores = {
    {QStringLiteral("keychain"), PasswordStore::Keychain},
    {QStringLiteral("files"), PasswordStore::Files},
};
const QList<std::pair<QString, DeliverySecurity>> kDeliverySecurity = {
    {QStringLiteral("none"), DeliverySecurity::None},
    {QStringLiteral("starttls"), DeliverySecurity::StartTls},
    {QStringLiteral("tls"), DeliverySecurity::Tls},
};

template<typename E>
QString nameOf(const QList<std::pair<QString, E>> &table, E value)
{
    for (const auto &[name, v] : table) {
        if (v == value)
            return name;
    }
    return {};
}

bool isPlausibleAddress(const QString &address)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    return re.match(address).hasMatch();
}

MailboxSettings readMailbox(Reader &r, const QString &name)
{
    MailboxSettings m;
    m.name = name;
    m.host = r.string(QStringLiteral("host"));
    if (m.host.isEmpty())
        r.problem(QStringLiteral("host"), tr("missing; name the provider's POP3 server"));
    m.security = r.choice(QStringLiteral("security"), Pop3Security::Tls, kPop3Security);
    const int defaultPort = m.security == Pop3Security::Tls ? 995 : 110;
    m.port = quint16(r.integer(QStringLiteral("port"), defaultPort, 1, 65535));
    m.auth = r.choice(QStringLiteral("auth"), AuthMethod::Automatic, kAuthMethods);
    m.user = r.string(QStringLiteral("user"));
    if (m.user.isEmpty())
        r.problem(QStringLiteral("user"), tr("missing; give the POP3 user name"));
    m.passwordFile = r.path(QStringLiteral("password_file"));
    m.caFile = r.path(QStringLiteral("ca_file"));
    if (!m.caFile.isEmpty() && !QFileInfo(m.caFile).isReadable())
        r.problem(QStringLiteral("ca_file"), tr("%1 cannot be read").arg(m.caFile));
    m.type = r.choice(QStringLiteral("type"), MailboxType::User, kMailboxTypes);
    m.localMailbox = r.string(QStringLiteral("local_mailbox"));
    if (!m.localMailbox.isEmpty() && !isPlausibleAddress(m.localMailbox)) {
        r.problem(QStringLiteral("local_mailbox"),
            tr("\"%1\" is not an address; write user@domain").arg(m.localMailbox));
    }
    const auto list = [&r](const QString &key) {
        QStringList out;
        for (const QString &item : r.string(key).split(u',', Qt::SkipEmptyParts))
            out.append(item.trimmed());
        return out;
    };
    m.acceptedDomains = list(QStringLiteral("accepted_domains"));
    for (QString &d : m.acceptedDomains)
        d = d.toLower();
    if (r.has(QStringLiteral("envelope_headers")))
        m.envelopeHeaders = list(QStringLiteral("envelope_headers"));
    // rule1, rule2 ... in number order, gaps allowed.
    QMap<int, QString> ruleKeys;
    for (const QString &key : r.keys()) {
        if (key.startsWith(QStringLiteral("rule")) && key.mid(4).toInt() > 0)
            ruleKeys.insert(key.mid(4).toInt(), key);
    }
    for (const QString &key : std::as_const(ruleKeys)) {
        const QString text = r.string(key);
        const qsizetype arrow = text.indexOf(QStringLiteral("->"));
        const RoutingRule rule {text.left(arrow).trimmed(), text.mid(arrow + 2).trimmed()};
        const auto valid = [](const QString &s) {
            return s.startsWith(QStringLiteral("*@")) ? s.size() > 2 && !s.mid(2).contains(u'@')
                                                      : isPlausibleAddress(s);
        };
        if (arrow < 0 || !valid(rule.pattern) || !valid(rule.target)) {
            r.problem(key,
                tr("\"%1\" is not a rule; write PATTERN -> LOCAL ADDRESS, where each "
                   "side is an address or *@domain")
                    .arg(text));
            continue;
        }
        m.rules.append(rule);
    }
    if (m.type == MailboxType::Global && m.acceptedDomains.isEmpty()) {
        r.problem(QStringLiteral("accepted_domains"),
            tr("missing; a global mailbox needs the domains whose mail it receives, "
               "comma-separated"));
    }
    m.leaveOnServer = r.boolean(QStringLiteral("leave_on_server"), false);
    m.deleteAfterDays = r.integer(QStringLiteral("delete_after_days"), 0, 0, 3650);
    m.maxMessageKb = r.integer(QStringLiteral("max_message_kb"),
        MailboxSettings::kDefaultMaxMessageKb, 0, 4 * 1024 * 1024);
    if (m.maxMessageKb == 0)
        m.maxMessageKb = MailboxSettings::kDefaultMaxMessageKb; // no longer "no limit"
    m.maxMessagesPerCycle = r.integer(QStringLiteral("max_messages_per_cycle"), 0, 0, 10000000);
    m.enabled = r.boolean(QStringLiteral("enabled"), true);
    r.unknownKeys(kMailboxKeys);
    return m;
}

} // namespace

QString MailboxSettings::keychainKey() const
{
    return QStringLiteral("mailbox/") + name;
}

QStringList MailboxSettings::defaultEnvelopeHeaders()
{
    return {QStringLiteral("Delivered-To"), QStringLiteral("X-Original-To"),
        QStringLiteral("Envelope-To"), QStringLiteral("X-Envelope-To")};
}

const MailboxSettings *Configuration::mailbox(const QString &name) const
{
    for (const MailboxSettings &m : mailboxes) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

QString ConfigProblem::toString() const
{
    QString where = file;
    if (line > 0)
        where += u':' + QString::number(line);
    if (!key.isEmpty())
        where += QStringLiteral(": [%1] %2").arg(key.section(u'/', 0, 0), key.section(u'/', 1));
    return where + QStringLiteral(": ") + message;
}

bool ConfigurationFile::isValidMailboxName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    return re.match(name).hasMatch();
}

QString ConfigurationFile::systemPath()
{
    return QStringLiteral("/etc/pop3connector/pop3connector.ini");
}

bool ConfigurationFile::isSystemPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath() == systemPath();
}

// The system service has no desktop session, so no keychain: its passwords are files of its own.
static PasswordStore defaultPasswordStore(const QString &path)
{
    return ConfigurationFile::isSystemPath(path) ? PasswordStore::Files : PasswordStore::Keychain;
}

QString ConfigurationFile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/pop3connector/pop3connector.ini");
}

ConfigLoadResult ConfigurationFile::load(const QString &path)
{
    ConfigLoadResult result;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    result.configuration.path = absolute;
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.append({absolute, 0, {},
            tr("cannot open the configuration file: %1; create it from the "
               "example in docs/configuration.md")
                .arg(file.errorString())});
        return result;
    }
    result.problems = lintLines(absolute, file.readAll());
    file.close();

    QSettings settings(absolute, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        result.problems.append({absolute, 0, {},
            tr("the file is not in INI format (sections and key = value lines)")});
        return result;
    }
    Configuration &c = result.configuration;
    Reader r(settings, absolute, result.problems);

    r.begin(QStringLiteral("connector"));
    c.connector.spool = r.path(QStringLiteral("spool"));
    if (c.connector.spool.isEmpty()) {
        c.connector.spool = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/pop3connector/spool");
    }
    c.connector.logLevel = r.choice(QStringLiteral("log_level"), LogLevel::Medium, kLogLevels);
    c.connector.undeliverableMailbox = r.string(QStringLiteral("undeliverable_mailbox"));
    if (!c.connector.undeliverableMailbox.isEmpty()
        && !isPlausibleAddress(c.connector.undeliverableMailbox)) {
        r.problem(QStringLiteral("undeliverable_mailbox"),
            tr("\"%1\" is not an address; write user@domain")
                .arg(c.connector.undeliverableMailbox));
    }
    c.connector.intervalMinutes = r.integer(QStringLiteral("interval_minutes"), 15, 1, 7 * 24 * 60);
    c.connector.scheduleEnabled = r.boolean(QStringLiteral("schedule_enabled"), true);
    c.connector.timeoutSeconds = r.integer(QStringLiteral("timeout_seconds"), 60, 1, 3600);
    c.connector.maxConnectionsPerHost =
        r.integer(QStringLiteral("max_connections_per_host"), 2, 1, 16);
    c.connector.controlSocket = r.path(QStringLiteral("control_socket"));
    c.connector.controlGroup =
        r.string(QStringLiteral("control_group"), ConnectorSettings::defaultControlGroup());
    static const QRegularExpression groupName(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    if (!groupName.match(c.connector.controlGroup).hasMatch()) {
        r.problem(QStringLiteral("control_group"),
            tr("\"%1\" is not a group name; use letters, digits, '.', '_' and '-'")
                .arg(c.connector.controlGroup));
        c.connector.controlGroup = ConnectorSettings::defaultControlGroup();
    }
    c.connector.controlBacklogKb = r.integer(QStringLiteral("control_backlog_kb"),
        ConnectorSettings::kDefaultControlBacklogKb, 64, 1024 * 1024);
    c.connector.passwordStore =
        r.choice(QStringLiteral("password_store"), defaultPasswordStore(absolute), kPasswordStores);
    r.unknownKeys(kConnectorKeys);

    r.begin(QStringLiteral("delivery"));
    c.delivery.transport = r.choice(QStringLiteral("transport"), Transport::Smtp, kTransports);
    c.delivery.host = r.string(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    c.delivery.security =
        r.choice(QStringLiteral("security"), DeliverySecurity::None, kDeliverySecurity);
    const int defaultDeliveryPort = c.delivery.transport == Transport::Lmtp ? 24
        : c.delivery.security == DeliverySecurity::Tls                      ? 465
                                                                            : 25;
    c.delivery.port = quint16(r.integer(QStringLiteral("port"), defaultDeliveryPort, 1, 65535));
    c.delivery.user = r.string(QStringLiteral("user"));
    c.delivery.passwordFile = r.path(QStringLiteral("password_file"));
    c.delivery.caFile = r.path(QStringLiteral("ca_file"));
    c.delivery.connections = r.integer(QStringLiteral("connections"), 4, 1, 16);
    r.unknownKeys(kDeliveryKeys);

    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (group == u"connector" || group == u"delivery")
            continue;
        if (!group.startsWith(QStringLiteral("mailbox."))) {
            result.problems.append({absolute, 0, group,
                tr("unknown section [%1]; the sections are [connector], [delivery] and "
                   "[mailbox.NAME]")
                    .arg(group)});
            continue;
        }
        const QString name = group.mid(8);
        if (!isValidMailboxName(name)) {
            result.problems.append({absolute, 0, group,
                tr("\"%1\" is not a valid mailbox name; use letters, digits, '.', '_', '-' "
                   "and '@'")
                    .arg(name)});
            continue;
        }
        r.begin(group);
        c.mailboxes.append(readMailbox(r, name));
    }
    return result;
}

QString ConfigurationFile::save(const Configuration &c, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSettings s(path, QSettings::IniFormat);
    s.clear();
    s.beginGroup(QStringLiteral("connector"));
    s.setValue(QStringLiteral("spool"), c.connector.spool);
    s.setValue(QStringLiteral("log_level"), settingValue(c.connector.logLevel));
    s.setValue(QStringLiteral("undeliverable_mailbox"), c.connector.undeliverableMailbox);
    s.setValue(QStringLiteral("interval_minutes"), c.connector.intervalMinutes);
    s.setValue(QStringLiteral("schedule_enabled"), c.connector.scheduleEnabled);
    s.setValue(QStringLiteral("timeout_seconds"), c.connector.timeoutSeconds);
    s.setValue(QStringLiteral("max_connections_per_host"), c.connector.maxConnectionsPerHost);
    if (!c.connector.controlSocket.isEmpty())
        s.setValue(QStringLiteral("control_socket"), c.connector.controlSocket);
    if (c.connector.controlGroup != ConnectorSettings::defaultControlGroup())
        s.setValue(QStringLiteral("control_group"), c.connector.controlGroup);
    if (c.connector.controlBacklogKb != ConnectorSettings::kDefaultControlBacklogKb)
        s.setValue(QStringLiteral("control_backlog_kb"), c.connector.controlBacklogKb);
    if (c.connector.passwordStore != defaultPasswordStore(path))
        s.setValue(QStringLiteral("password_store"), settingValue(c.connector.passwordStore));
    s.endGroup();
    s.beginGroup(QStringLiteral("delivery"));
    s.setValue(QStringLiteral("transport"), settingValue(c.delivery.transport));
    s.setValue(QStringLiteral("host"), c.delivery.host);
    s.setValue(QStringLiteral("port"), c.delivery.port);
    s.setValue(QStringLiteral("security"), settingValue(c.delivery.security));
    if (!c.delivery.user.isEmpty())
        s.setValue(QStringLiteral("user"), c.delivery.user);
    if (!c.delivery.passwordFile.isEmpty())
        s.setValue(QStringLiteral("password_file"), c.delivery.passwordFile);
    if (!c.delivery.caFile.isEmpty())
        s.setValue(QStringLiteral("ca_file"), c.delivery.caFile);
    s.setValue(QStringLiteral("connections"), c.delivery.connections);
    s.endGroup();
    for (const MailboxSettings &m : c.mailboxes) {
        s.beginGroup(QStringLiteral("mailbox.") + m.name);
        s.setValue(QStringLiteral("host"), m.host);
        s.setValue(QStringLiteral("port"), m.port);
        s.setValue(QStringLiteral("security"), settingValue(m.security));
        s.setValue(QStringLiteral("auth"), settingValue(m.auth));
        s.setValue(QStringLiteral("user"), m.user);
        if (!m.passwordFile.isEmpty())
            s.setValue(QStringLiteral("password_file"), m.passwordFile);
        if (!m.caFile.isEmpty())
            s.setValue(QStringLiteral("ca_file"), m.caFile);
        s.setValue(QStringLiteral("type"), settingValue(m.type));
        s.setValue(QStringLiteral("local_mailbox"), m.localMailbox);
        if (!m.acceptedDomains.isEmpty())
            s.setValue(
                QStringLiteral("accepted_domains"), m.acceptedDomains.join(QStringLiteral(", ")));
        if (m.envelopeHeaders != MailboxSettings::defaultEnvelopeHeaders())
            s.setValue(
                QStringLiteral("envelope_headers"), m.envelopeHeaders.join(QStringLiteral(", ")));
        for (int i = 0; i < m.rules.size(); ++i) {
            s.setValue(QStringLiteral("rule%1").arg(i + 1),
                m.rules[i].pattern + QStringLiteral(" -> ") + m.rules[i].target);
        }
        s.setValue(QStringLiteral("leave_on_server"), m.leaveOnServer);
        s.setValue(QStringLiteral("delete_after_days"), m.deleteAfterDays);
        s.setValue(QStringLiteral("max_message_kb"), m.maxMessageKb);
        s.setValue(QStringLiteral("max_messages_per_cycle"), m.maxMessagesPerCycle);
        s.setValue(QStringLiteral("enabled"), m.enabled);
        s.endGroup();
    }
    s.sync();
    if (s.status() != QSettings::NoError)
        return tr("cannot write %1").arg(path);
    return {};
}

QString settingValue(Pop3Security security)
{
    return nameOf(kPop3Security, security);
}
QString settingValue(AuthMethod method)
{
    return nameOf(kAuthMethods, method);
}
QString settingValue(MailboxType type)
{
    return nameOf(kMailboxTypes, type);
}
QString settingValue(Transport transport)
{
    return nameOf(kTransports, transport);
}
QString settingValue(PasswordStore store)
{
    return nameOf(kPasswordStores, store);
}

QString settingValue(DeliverySecurity security)
{
    return nameOf(kDeliverySecurity, security);
}

} // namespace Pop3Connector
