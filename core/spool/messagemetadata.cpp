#include "spool/messagemetadata.h"

#include <QCborMap>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace Pop3Connector {

namespace {

QString phraseKey(const QString &key)
{
    return key + QStringLiteral("-phrase");
}

} // namespace

void MessageMetadata::setPhrase(const QString &key, const Phrase &phrase)
{
    other.insert(key, phrase.english());
    if (phrase.isLiteral())
        other.remove(phraseKey(key));
    else
        other.insert(phraseKey(key),
            QString::fromUtf8(QJsonDocument(phrase.toCbor().toMap().toJsonObject())
                                  .toJson(QJsonDocument::Compact)));
}

Phrase MessageMetadata::phrase(const QString &key) const
{
    const QString text = other.value(key);
    const QJsonDocument data = QJsonDocument::fromJson(other.value(phraseKey(key)).toUtf8());
    if (!data.isObject())
        return text;
    const Phrase p = Phrase::fromCbor(QCborMap::fromJsonObject(data.object()));
    // A sidecar edited by hand since: its text wins.
    return p.isLiteral() || p.english() != text ? Phrase(text) : p;
}

namespace {

// Values are single-line: newlines and backslashes are escaped.
QByteArray escape(const QString &value)
{
    QByteArray out;
    for (char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

QString unescape(QByteArrayView value)
{
    QByteArray out;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            const char n = value[++i];
            out += n == 'n' ? '\n' : n == 'r' ? '\r' : n;
        } else {
            out += value[i];
        }
    }
    return QString::fromUtf8(out);
}

} // namespace

QByteArray MessageMetadata::serialize() const
{
    QByteArray out;
    auto line = [&out](QByteArrayView key, const QString &value) {
        out += key;
        out += ": ";
        out += escape(value);
        out += '\n';
    };
    line("mailbox", mailbox);
    line("server", server);
    line("user", user);
    line("uid", QString::fromLatin1(uid));
    line("retrieved", retrieved.toUTC().toString(Qt::ISODateWithMs));
    line("size", QString::number(size));
    for (auto it = other.cbegin(); it != other.cend(); ++it)
        line(it.key().toUtf8(), it.value());
    return out;
}

std::optional<MessageMetadata> MessageMetadata::parse(QByteArrayView bytes)
{
    MessageMetadata m;
    bool sawUid = false;
    for (const QByteArray &raw : bytes.toByteArray().split('\n')) {
        if (raw.isEmpty())
            continue;
        const qsizetype colon = raw.indexOf(": ");
        if (colon <= 0)
            return std::nullopt;
        const QByteArray key = raw.left(colon);
        const QString value = unescape(QByteArrayView(raw).sliced(colon + 2));
        if (key == "mailbox") {
            m.mailbox = value;
        } else if (key == "server") {
            m.server = value;
        } else if (key == "user") {
            m.user = value;
        } else if (key == "uid") {
            m.uid = value.toLatin1();
            sawUid = true;
        } else if (key == "retrieved") {
            m.retrieved = QDateTime::fromString(value, Qt::ISODateWithMs);
        } else if (key == "size") {
            m.size = value.toLongLong();
        } else {
            m.other.insert(QString::fromUtf8(key), value);
        }
    }
    // Every sidecar written has a uid line and ends with a newline: one cut short by a power
    // cut before it was synced is not taken for a sidecar (with no server and user it would
    // name another account's ledger).
    if (!sawUid || !bytes.endsWith('\n'))
        return std::nullopt;
    return m;
}

} // namespace Pop3Connector
