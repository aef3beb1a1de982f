#include "config/configreader.h"

#include "protocol/mailaddress.h"

#include <QDir>
#include <QFileInfo>

namespace Pop3Connector {

namespace {

// Free functions here translate in the context lupdate gives them; classes declare their own.
QString tr(const char *text)
{
    return QCoreApplication::translate("Pop3Connector", text);
}

} // namespace

// QSettings accepts lines it cannot parse without a word; an administrator deserves the line.
QList<ConfigProblem> lintConfigLines(const QString &path, const QByteArray &bytes)
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

std::optional<QVariant> ConfigReader::parse(
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

std::optional<QVariant> ConfigReader::number(
    const QString &key, const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (ok && value >= min && value <= max)
        return value;
    problem(key,
        tr("\"%1\" is not allowed; use a whole number from %2 to %3").arg(text).arg(min).arg(max));
    return std::nullopt;
}

std::optional<QVariant> ConfigReader::boolean(const QString &key, const QString &text)
{
    const QString s = text.toLower();
    if (s == u"true" || s == u"yes" || s == u"on" || s == u"1")
        return true;
    if (s == u"false" || s == u"no" || s == u"off" || s == u"0")
        return false;
    problem(key, tr("\"%1\" is not allowed; use true or false").arg(text));
    return std::nullopt;
}

std::optional<QVariant> ConfigReader::choice(
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
std::optional<QVariant> ConfigReader::address(const QString &key, const QString &text)
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

std::optional<QVariant> ConfigReader::path(const QString &key, const QString &text, KeyType type)
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

} // namespace Pop3Connector
