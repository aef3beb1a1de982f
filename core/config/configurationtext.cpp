#include "config/configurationtext.h"

#include "config/configkeys.h"

#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace Pop3Connector {

namespace {

struct Entry
{
    QString key;
    QString value; // as the file says it, quoted where it must be
};

// A section's keys as the file writes them, in the order of the key tables.
struct Section
{
    QString name; // "connector", "delivery", "mailbox.NAME"
    QList<Entry> entries;
    QList<Entry> rules; // rule1, rule2 ... (mailboxes)

    std::optional<QString> value(const QString &key) const
    {
        for (const Entry &e : entries) {
            if (e.key == key)
                return e.value;
        }
        return std::nullopt;
    }
};

bool isRuleKey(const QString &key)
{
    static const QRegularExpression re(QStringLiteral("^rule[1-9][0-9]*$"));
    return re.match(key).hasMatch();
}

template<typename S>
QList<Entry> entriesOf(const QList<ConfigKey<S>> &keys, const S &settings)
{
    QList<Entry> out;
    for (const ConfigKey<S> &key : keys) {
        const QVariant value = key.get(settings);
        if (!key.savedWhenDefault && value == defaultValue(key, settings))
            continue;
        const bool list = key.type == KeyType::List || key.type == KeyType::Domains;
        out.append({key.name,
            ConfigurationText::quoted(fileValue(key.type, key.choices, value).toString(), list)});
    }
    return out;
}

QList<Section> sectionsOf(const Configuration &c)
{
    QList<Section> out;
    out.append({QStringLiteral("connector"), entriesOf(connectorKeys(), c.connector), {}});
    out.append({QStringLiteral("delivery"), entriesOf(deliveryKeys(), c.delivery), {}});
    for (const MailboxSettings &m : c.mailboxes) {
        Section s {QStringLiteral("mailbox.") + m.name, entriesOf(mailboxKeys(), m), {}};
        for (int i = 0; i < m.rules.size(); ++i) {
            s.rules.append({QStringLiteral("rule%1").arg(i + 1),
                ConfigurationText::quoted(
                    m.rules[i].pattern + QStringLiteral(" -> ") + m.rules[i].target)});
        }
        out.append(s);
    }
    return out;
}

const Section *find(const QList<Section> &sections, const QString &name)
{
    for (const Section &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

bool sameRules(const Section *a, const Section *b)
{
    const qsizetype n = a ? a->rules.size() : 0;
    if (n != (b ? b->rules.size() : 0))
        return false;
    for (qsizetype i = 0; i < n; ++i) {
        if (a->rules[i].value != b->rules[i].value)
            return false;
    }
    return true;
}

QByteArray line(const Entry &e)
{
    return (e.key + QStringLiteral(" = ") + e.value).toUtf8();
}

// "[name]" -> name; otherwise nothing.
std::optional<QString> sectionOf(const QByteArray &raw)
{
    const QByteArray t = raw.trimmed();
    if (t.size() < 3 || !t.startsWith('[') || !t.endsWith(']'))
        return std::nullopt;
    return QString::fromUtf8(t.mid(1, t.size() - 2)).trimmed();
}

// "key = value" -> key; a comment, a blank line or anything else -> empty.
QString keyOf(const QByteArray &raw)
{
    const QByteArray t = raw.trimmed();
    if (t.isEmpty() || t.startsWith(';') || t.startsWith('#'))
        return {};
    const qsizetype eq = t.indexOf('=');
    return eq > 0 ? QString::fromUtf8(t.left(eq)).trimmed() : QString();
}

// The lines of one section of the file (its header first), rewritten to say `want` where it
// said `had`.
QList<QByteArray> rewriteSection(
    const QList<QByteArray> &lines, const Section &want, const Section *had)
{
    QList<QByteArray> out {lines.first()};
    qsizetype insertAt = 1;
    QSet<QString> seen;
    const bool rulesChanged = !sameRules(&want, had);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString key = keyOf(lines[i]);
        if (key.isEmpty()) {
            out.append(lines[i]);
            continue;
        }
        if (isRuleKey(key) && want.name.startsWith(QStringLiteral("mailbox."))) {
            if (!rulesChanged) {
                out.append(lines[i]);
                insertAt = out.size();
            }
            continue;
        }
        seen.insert(key);
        const std::optional<QString> now = want.value(key);
        const std::optional<QString> before = had ? had->value(key) : std::nullopt;
        if (now == before) {
            out.append(lines[i]); // unchanged: the administrator's words stay
        } else if (now) {
            out.append(line({key, *now}));
        } else {
            continue; // left to its default now
        }
        insertAt = out.size();
    }
    QList<QByteArray> added;
    for (const Entry &e : want.entries) {
        if (!seen.contains(e.key) && (!had || had->value(e.key) != e.value))
            added.append(line(e));
    }
    if (rulesChanged) {
        for (const Entry &e : want.rules)
            added.append(line(e));
    }
    for (qsizetype i = 0; i < added.size(); ++i)
        out.insert(insertAt + i, added[i]);
    return out;
}

} // namespace

QString ConfigurationText::quoted(const QString &value, bool list)
{
    QString clean = value;
    for (QChar &c : clean) {
        if (c.unicode() < 0x20)
            c = u' ';
    }
    bool plain = clean == clean.trimmed();
    for (const QChar c : std::as_const(clean)) {
        if (c == u';' || c == u'#' || c == u'"' || c == u'\\' || (c == u',' && !list))
            plain = false;
    }
    if (plain)
        return clean;
    QString out = QStringLiteral("\"");
    for (const QChar c : std::as_const(clean)) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QByteArray ConfigurationText::write(const Configuration &configuration)
{
    QByteArray out;
    for (const Section &s : sectionsOf(configuration)) {
        if (!out.isEmpty())
            out += '\n';
        out += '[' + s.name.toUtf8() + "]\n";
        for (const Entry &e : s.entries + s.rules)
            out += line(e) + '\n';
    }
    return out;
}

QByteArray ConfigurationText::rewrite(
    const QByteArray &text, const QString &path, const Configuration &next)
{
    const QList<Section> had = sectionsOf(ConfigurationFile::parse(text, path).configuration);
    const QList<Section> want = sectionsOf(next);

    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the file's last newline
    QList<QByteArray> out;
    QSet<QString> present;
    qsizetype i = 0;
    while (i < lines.size() && !sectionOf(lines[i]))
        out.append(lines[i++]);
    while (i < lines.size()) {
        const QString name = *sectionOf(lines[i]);
        QList<QByteArray> block {lines[i++]};
        while (i < lines.size() && !sectionOf(lines[i]))
            block.append(lines[i++]);
        const Section *wanted = find(want, name);
        if (!wanted) {
            // A removed mailbox goes with its lines; anything else is the service's to judge.
            if (!name.startsWith(QStringLiteral("mailbox.")))
                out += block;
            continue;
        }
        present.insert(name);
        out += rewriteSection(block, *wanted, find(had, name));
    }
    for (const Section &s : want) {
        if (present.contains(s.name))
            continue;
        const Section *before = find(had, s.name);
        QList<QByteArray> block = rewriteSection({'[' + s.name.toUtf8() + ']'}, s, before);
        if (block.size() == 1)
            continue; // a section that would say nothing but the defaults
        if (!out.isEmpty() && !out.last().trimmed().isEmpty())
            out.append(QByteArray());
        out += block;
    }
    return out.join('\n') + '\n';
}

} // namespace Pop3Connector
