#include "config/configuration.h"

#include "config/configkeys.h"
#include "config/configreader.h"
#include "protocol/mailaddress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <sys/stat.h>

namespace Pop3Connector {

namespace {

// Free functions here translate in the context lupdate gives them; classes declare their own.
QString tr(const char *text)
{
    return QCoreApplication::translate("Pop3Connector", text);
}

// Whether one side of a routing rule is what routing can apply: an address, or "*@" and a
// domain name.
bool isRuleSide(const QString &side)
{
    if (side.startsWith(QStringLiteral("*@")))
        return !MailAddress::canonicalDomain(side.mid(2)).isEmpty();
    return bool(MailAddress::parse(side));
}

// rule1, rule2 ... in number order, gaps allowed; returns the keys that are rules.
QStringList readRules(ConfigReader &r, QList<RoutingRule> &rules)
{
    static const QRegularExpression ruleKey(QStringLiteral("^rule([1-9][0-9]*)$"));
    QMap<int, QString> ruleKeys;
    for (const QString &key : r.keys()) {
        if (const QRegularExpressionMatch m = ruleKey.match(key); m.hasMatch())
            ruleKeys.insert(m.captured(1).toInt(), key);
    }
    for (const QString &key : std::as_const(ruleKeys)) {
        const QString text = r.string(key);
        const qsizetype arrow = text.indexOf(QStringLiteral("->"));
        const RoutingRule rule {text.left(arrow).trimmed(), text.mid(arrow + 2).trimmed()};
        if (arrow < 0 || !isRuleSide(rule.pattern) || !isRuleSide(rule.target)) {
            r.problem(key,
                tr("\"%1\" is not a rule; write PATTERN -> LOCAL ADDRESS, where each "
                   "side is an address or *@domain")
                    .arg(text));
            continue;
        }
        rules.append(rule);
    }
    return ruleKeys.values();
}

template<typename S>
QStringList namesOf(const QList<ConfigKey<S>> &keys)
{
    QStringList names;
    for (const ConfigKey<S> &key : keys)
        names.append(key.name);
    return names;
}

// What a sign-in with OAuth cannot do without, in a section whose auth asks for it.
void checkOAuth(ConfigReader &r, const QString &clientId, const QString &tokenUrl)
{
    if (clientId.isEmpty()) {
        r.problem(QStringLiteral("oauth_client_id"),
            tr("missing; a mailbox that signs in with OAuth needs the client id of the "
               "application registered with the provider"));
    }
    if (tokenUrl.isEmpty()) {
        r.problem(QStringLiteral("oauth_token_url"),
            tr("missing; name the provider's token endpoint, or choose an oauth_provider"));
    }
}

MailboxSettings readMailbox(ConfigReader &r, const QString &name)
{
    MailboxSettings m;
    m.name = name;
    r.read(mailboxKeys(), m);
    const QStringList rules = readRules(r, m.rules);
    if (m.type == MailboxType::Global && m.acceptedDomains.isEmpty()) {
        r.problem(QStringLiteral("accepted_domains"),
            tr("missing; a global mailbox needs the domains whose mail it receives, "
               "comma-separated"));
    }
    if (m.usesOAuth())
        checkOAuth(r, m.oauthClientId, m.oauthTokenUrl);
    r.unknownKeys(namesOf(mailboxKeys()), rules);
    return m;
}

// Writes the keys of the current group of `s` from `settings`.
template<typename S>
void writeKeys(QSettings &s, const QList<ConfigKey<S>> &keys, const S &settings)
{
    for (const ConfigKey<S> &key : keys) {
        const QVariant value = key.get(settings);
        if (!key.savedWhenDefault && value == defaultValue(key, settings))
            continue;
        s.setValue(key.name, fileValue(key.type, key.choices, value));
    }
}

} // namespace

QString MailboxSettings::keychainKey() const
{
    return QStringLiteral("mailbox/") + name;
}

QString MailboxSettings::refreshTokenKey() const
{
    return QStringLiteral("oauth/") + name;
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

QString ConfigurationFile::userPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/pop3connector/pop3connector.ini");
}

// One default for the service, the manager and pop3connectorctl: on an office server the
// administrators (the group pop3connector) read the system file and so reach its service; a
// desktop user without it has a configuration of their own. Someone who may read neither is
// pointed at the system's, so that what they are told is that they may not.
QString ConfigurationFile::defaultPath()
{
    const QFileInfo system(systemPath());
    if (system.exists() && (system.isReadable() || !QFileInfo::exists(userPath())))
        return systemPath();
    return userPath();
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
    const QByteArray bytes = file.readAll();
    file.close();
    QSettings settings(absolute, QSettings::IniFormat);
    result = read(settings, absolute, bytes);
    return result;
}

ConfigLoadResult ConfigurationFile::loadOrDefaults(const QString &path)
{
    // Only a file that is not there: one that cannot be read is still the problem load() says.
    struct stat st = {};
    if (::stat(QFile::encodeName(QFileInfo(path).absoluteFilePath()).constData(), &st) == 0
        || errno != ENOENT)
        return load(path);
    // QSettings reads a file that is not there as empty and, never written, creates nothing;
    // no scratch file either, which a service without a usable TMPDIR could not make.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings settings(absolute, QSettings::IniFormat);
    return read(settings, absolute, QByteArray());
}

ConfigLoadResult ConfigurationFile::parse(const QByteArray &text, const QString &path)
{
    // QSettings reads files only: the text goes through a private file of its own, and is
    // read as the file at `path` (its relative paths, its problems' file name).
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QTemporaryFile scratch;
    if (!scratch.open() || scratch.write(text) != text.size() || !scratch.flush()) {
        ConfigLoadResult result;
        result.configuration.path = absolute;
        result.problems.append(
            {absolute, 0, {}, tr("cannot read the configuration: %1").arg(scratch.errorString())});
        return result;
    }
    QSettings settings(scratch.fileName(), QSettings::IniFormat);
    return read(settings, absolute, text);
}

ConfigLoadResult ConfigurationFile::read(
    QSettings &settings, const QString &absolute, const QByteArray &bytes)
{
    ConfigLoadResult result;
    result.configuration.path = absolute;
    result.problems = lintConfigLines(absolute, bytes);

    if (settings.status() != QSettings::NoError) {
        result.problems.append({absolute, 0, {},
            tr("the file is not in INI format (sections and key = value lines)")});
        return result;
    }
    Configuration &c = result.configuration;
    ConfigReader r(settings, absolute, result.problems);
    r.begin(QStringLiteral("connector"));
    r.read(connectorKeys(), c.connector);
    r.unknownKeys(namesOf(connectorKeys()));
    // The password store's default follows the file: the system configuration is the system
    // service's, whose user has no keychain.
    if (!r.has(QStringLiteral("password_store")))
        c.connector.passwordStore = defaultPasswordStore(absolute);
    static const QRegularExpression groupName(QStringLiteral("^[A-Za-z0-9._-]{1,32}$"));
    if (!groupName.match(c.connector.controlGroup).hasMatch()) {
        r.problem(QStringLiteral("control_group"),
            tr("\"%1\" is not a group name; use letters, digits, '.', '_' and '-'")
                .arg(c.connector.controlGroup));
        c.connector.controlGroup = ConnectorSettings::defaultControlGroup();
    }
    r.begin(QStringLiteral("delivery"));
    r.read(deliveryKeys(), c.delivery);
    if (c.delivery.usesOAuth()) {
        if (c.delivery.user.isEmpty())
            r.problem(QStringLiteral("user"),
                tr("missing; auth %1 logs in as a user").arg(settingValue(c.delivery.auth)));
        checkOAuth(r, c.delivery.oauthClientId, c.delivery.oauthTokenUrl);
    }
    r.unknownKeys(namesOf(deliveryKeys()));

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
    writeKeys(s, connectorKeys(), c.connector);
    s.endGroup();
    s.beginGroup(QStringLiteral("delivery"));
    writeKeys(s, deliveryKeys(), c.delivery);
    s.endGroup();
    for (const MailboxSettings &m : c.mailboxes) {
        s.beginGroup(QStringLiteral("mailbox.") + m.name);
        writeKeys(s, mailboxKeys(), m);
        for (int i = 0; i < m.rules.size(); ++i) {
            s.setValue(QStringLiteral("rule%1").arg(i + 1),
                m.rules[i].pattern + QStringLiteral(" -> ") + m.rules[i].target);
        }
        s.endGroup();
    }
    s.sync();
    if (s.status() != QSettings::NoError)
        return tr("cannot write %1").arg(path);
    return {};
}

} // namespace Pop3Connector
