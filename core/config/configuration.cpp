#include "config/configuration.h"

#include "config/configkeys.h"
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

    QString string(const QString &key)
    {
        const QVariant v = m_settings.value(m_group + u'/' + key);
        // QSettings turns an unquoted "a, b" into a list; the connector's values are strings.
        if (v.userType() == QMetaType::QStringList)
            return v.toStringList().join(QStringLiteral(", "));
        return v.toString().trimmed();
    }

    // Reads the keys of the current section into `settings`: a key that is missing, or whose
    // value is refused (a problem says why), keeps its default.
    template<typename S>
    void read(const QList<ConfigKey<S>> &keys, S &settings)
    {
        QList<const ConfigKey<S> *> unset;
        for (const ConfigKey<S> &key : keys) {
            if (const std::optional<QVariant> v = value(key))
                key.set(settings, *v);
            else if (key.fallback)
                unset.append(&key);
        }
        // Defaults that depend on other keys, once those are read. A required key with such a
        // default is missing only when the default is empty too (a provider preset names the
        // server).
        for (const ConfigKey<S> *key : std::as_const(unset)) {
            const QVariant v = key->fallback(settings);
            if (key->missing && v.toString().isEmpty())
                problem(key->name, QCoreApplication::translate("Pop3Connector", key->missing));
            key->set(settings, v);
        }
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

    // Reports the keys of the section that are neither `listed` (and named in the sentence)
    // nor `alsoAllowed`.
    void unknownKeys(const QStringList &listed, const QStringList &alsoAllowed = {})
    {
        for (const QString &k : keys()) {
            if (!listed.contains(k) && !alsoAllowed.contains(k)) {
                problem(k,
                    tr("unknown key; the keys of this section are: %1")
                        .arg(listed.join(QStringLiteral(", "))));
            }
        }
    }

private:
    // The value of `key` in the section; nothing when it is missing, or refused.
    template<typename S>
    std::optional<QVariant> value(const ConfigKey<S> &key)
    {
        const QString text = string(key.name);
        if (text.isEmpty() && key.missing) {
            if (!key.fallback) // else read() asks the default first
                problem(key.name, QCoreApplication::translate("Pop3Connector", key.missing));
            return std::nullopt;
        }
        if (!has(key.name))
            return std::nullopt;
        if (key.type == KeyType::Number && key.zeroIsDefault && text == u"0")
            return std::nullopt;
        return parse(key.name, text, key.type, key.min, key.max, key.choices);
    }

    std::optional<QVariant> parse(const QString &key, const QString &text, KeyType type, int min,
        int max, const Choices *choices);
    std::optional<QVariant> number(const QString &key, const QString &text, int min, int max);
    std::optional<QVariant> boolean(const QString &key, const QString &text);
    std::optional<QVariant> choice(const QString &key, const QString &text, const Choices &choices);
    std::optional<QVariant> address(const QString &key, const QString &text);
    std::optional<QVariant> path(const QString &key, const QString &text, KeyType type);

    QSettings &m_settings;
    QString m_path;
    QList<ConfigProblem> &m_problems;
    QString m_group;
};

std::optional<QVariant> Reader::parse(
    const QString &key, const QString &text, KeyType type, int min, int max, const Choices *choices)
{
    switch (type) {
    case KeyType::Text:
        return text;
    case KeyType::Path:
    case KeyType::ReadableFile:
        return path(key, text, type);
    case KeyType::Address:
        return address(key, text);
    case KeyType::Number:
        return number(key, text, min, max);
    case KeyType::Boolean:
        return boolean(key, text);
    case KeyType::Choice:
        return choice(key, text, *choices);
    case KeyType::List:
    case KeyType::Domains:
        break;
    }
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts))
        items.append(type == KeyType::Domains ? item.trimmed().toLower() : item.trimmed());
    return items;
}

std::optional<QVariant> Reader::number(const QString &key, const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (ok && value >= min && value <= max)
        return value;
    problem(key,
        tr("\"%1\" is not allowed; use a whole number from %2 to %3").arg(text).arg(min).arg(max));
    return std::nullopt;
}

std::optional<QVariant> Reader::boolean(const QString &key, const QString &text)
{
    const QString s = text.toLower();
    if (s == u"true" || s == u"yes" || s == u"on" || s == u"1")
        return true;
    if (s == u"false" || s == u"no" || s == u"off" || s == u"0")
        return false;
    problem(key, tr("\"%1\" is not allowed; use true or false").arg(text));
    return std::nullopt;
}

std::optional<QVariant> Reader::choice(
    const QString &key, const QString &text, const Choices &choices)
{
    const qsizetype index = choices.indexOf(text.toLower());
    if (index >= 0)
        return int(index);
    problem(key,
        tr("\"%1\" is not allowed; use one of: %2").arg(text, choices.join(QStringLiteral(", "))));
    return std::nullopt;
}

// The pipeline takes an address only as MailAddress::parse() does; one it would refuse is
// refused here, before any mail depends on it.
std::optional<QVariant> Reader::address(const QString &key, const QString &text)
{
    if (text.isEmpty())
        return text;
    const Result<MailAddress> parsed = MailAddress::parse(text);
    if (parsed)
        return text;
    problem(key,
        tr("\"%1\" is not an address (%2); write user@domain")
            .arg(MailAddress::printable(text), parsed.error().message));
    return std::nullopt;
}

std::optional<QVariant> Reader::path(const QString &key, const QString &text, KeyType type)
{
    if (text.isEmpty())
        return std::nullopt;
    const QString absolute =
        QDir::cleanPath(QFileInfo(m_path).absoluteDir().absoluteFilePath(text));
    if (type == KeyType::ReadableFile && !QFileInfo(absolute).isReadable())
        problem(
            key, QCoreApplication::translate("Pop3Connector", "%1 cannot be read").arg(absolute));
    return absolute;
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
QStringList readRules(Reader &r, QList<RoutingRule> &rules)
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
void checkOAuth(Reader &r, const QString &clientId, const QString &tokenUrl)
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

MailboxSettings readMailbox(Reader &r, const QString &name)
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
    result.problems = lintLines(absolute, bytes);

    if (settings.status() != QSettings::NoError) {
        result.problems.append({absolute, 0, {},
            tr("the file is not in INI format (sections and key = value lines)")});
        return result;
    }
    Configuration &c = result.configuration;
    Reader r(settings, absolute, result.problems);
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
