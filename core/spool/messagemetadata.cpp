#include "spool/messagemetadata.h"

#include <QCborMap>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <algorithm>

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
    if (messageOffset > 0)
        line("message-offset", QString::number(messageOffset));
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
        } else if (key == "message-offset") {
            bool ok = false;
            m.messageOffset = value.toLongLong(&ok);
            if (!ok || m.messageOffset < 0)
                return std::nullopt;
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

namespace {

constexpr QByteArrayView kHeadMark = "POP3-Connector-Sidecar: ";
constexpr qsizetype kMaxHeadLine = 32;

} // namespace

QByteArray MessageMetadata::serializeAsHead() const
{
    MessageMetadata m = *this;
    m.size = 0;
    m.messageOffset = 0;
    const QByteArray body = m.serialize();
    return kHeadMark.toByteArray() + QByteArray::number(body.size()) + '\n' + body;
}

QByteArray MessageMetadata::fittingHead() const
{
    QByteArray head = serializeAsHead();
    return head.size() <= kMaxHeadBytes ? head : QByteArray();
}

qint64 MessageMetadata::headLength(QByteArrayView start)
{
    if (!start.startsWith(kHeadMark))
        return 0;
    const qsizetype end = start.first(std::min(start.size(), kMaxHeadLine)).indexOf('\n');
    if (end < 0)
        return 0;
    const QByteArrayView digits = start.sliced(kHeadMark.size(), end - kHeadMark.size());
    bool ok = !digits.isEmpty()
        && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    const qint64 body = ok ? digits.toLongLong(&ok) : 0;
    const qint64 total = end + 1 + body;
    return ok && body > 0 && total <= kMaxHeadBytes ? total : 0;
}

std::optional<MessageMetadata> MessageMetadata::parseHead(QByteArrayView head)
{
    const qint64 length = headLength(head);
    if (length == 0 || head.size() < length)
        return std::nullopt;
    const qsizetype bodyStart = head.indexOf('\n') + 1;
    std::optional<MessageMetadata> m = parse(head.sliced(bodyStart, length - bodyStart));
    if (m)
        m->messageOffset = length;
    return m;
}

} // namespace Pop3Connector
