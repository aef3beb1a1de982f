#include "service/controlprotocol.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QtEndian>

namespace Pop3Connector::Control {

namespace {

constexpr qsizetype kHeader = 4;

const QString kType = QStringLiteral("type");
const QString kVersionKey = QStringLiteral("version");
const QString kId = QStringLiteral("id");
const QString kName = QStringLiteral("name");
const QString kBody = QStringLiteral("body");
const QString kError = QStringLiteral("error");
const QString kCode = QStringLiteral("code");
const QString kText = QStringLiteral("message");

const char *const kTypeNames[] = {"hello", "request", "reply", "notification", "error"};

struct CodeName
{
    ErrorCode code;
    const char *name;
};
const CodeName kCodeNames[] = {
    {ErrorCode::DiskFull, "DiskFull"},
    {ErrorCode::PermissionDenied, "PermissionDenied"},
    {ErrorCode::NotFound, "NotFound"},
    {ErrorCode::AlreadyExists, "AlreadyExists"},
    {ErrorCode::NotARegularFile, "NotARegularFile"},
    {ErrorCode::ShortWrite, "ShortWrite"},
    {ErrorCode::Io, "Io"},
    {ErrorCode::Corrupt, "Corrupt"},
    {ErrorCode::InvalidInput, "InvalidInput"},
    {ErrorCode::Protocol, "Protocol"},
    {ErrorCode::LimitExceeded, "LimitExceeded"},
    {ErrorCode::Cancelled, "Cancelled"},
};

Error invalid(const QString &what)
{
    return Error {ErrorCode::InvalidInput,
        QCoreApplication::translate("Pop3Connector::Control", "not a control message: %1")
            .arg(what)};
}

QCborMap errorMap(const Error &error)
{
    QCborMap m;
    m.insert(kCode, errorCodeName(error.code));
    m.insert(kText, error.message);
    return m;
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const CodeName &c : kCodeNames) {
        if (c.code == code)
            return QString::fromLatin1(c.name);
    }
    return QStringLiteral("Io");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const CodeName &c : kCodeNames) {
        if (name == QLatin1String(c.name))
            return c.code;
    }
    return ErrorCode::Io;
}

Message Message::hello(const QCborMap &about)
{
    Message m;
    m.type = Type::Hello;
    m.body = about;
    return m;
}

Message Message::request(quint64 id, const QString &method, const QCborMap &params)
{
    Message m;
    m.type = Type::Request;
    m.id = id;
    m.name = method;
    m.body = params;
    return m;
}

Message Message::reply(quint64 id, const QCborMap &result)
{
    Message m;
    m.type = Type::Reply;
    m.id = id;
    m.body = result;
    return m;
}

Message Message::failure(quint64 id, const Error &error)
{
    Message m;
    m.type = Type::Reply;
    m.id = id;
    m.error = error;
    return m;
}

Message Message::notification(const QString &topic, const QCborMap &data)
{
    Message m;
    m.type = Type::Notification;
    m.name = topic;
    m.body = data;
    return m;
}

Message Message::protocolError(const Error &error)
{
    Message m;
    m.type = Type::Error;
    m.error = error;
    return m;
}

QCborMap Message::toCbor() const
{
    QCborMap m;
    m.insert(kType, QString::fromLatin1(kTypeNames[int(type)]));
    switch (type) {
    case Type::Hello:
        m.insert(kVersionKey, version);
        break;
    case Type::Request:
        m.insert(kName, name);
        [[fallthrough]];
    case Type::Reply:
        m.insert(kId, qint64(id));
        break;
    case Type::Notification:
        m.insert(kName, name);
        break;
    case Type::Error:
        break;
    }
    if (error)
        m.insert(kError, errorMap(*error));
    else if (type != Type::Error)
        m.insert(kBody, body);
    return m;
}

Result<Message> Message::fromCbor(const QCborMap &map)
{
    const QString typeName = map.value(kType).toString();
    qsizetype t = 0;
    while (t < qsizetype(std::size(kTypeNames)) && typeName != QLatin1String(kTypeNames[t]))
        ++t;
    if (t == qsizetype(std::size(kTypeNames)))
        return invalid(QStringLiteral("unknown type \"%1\"").arg(typeName.left(40)));
    Message m;
    m.type = Type(t);
    const QCborValue body = map.value(kBody);
    if (!body.isUndefined() && !body.isMap())
        return invalid(QStringLiteral("the body is not a map"));
    m.body = body.toMap();
    const QCborValue error = map.value(kError);
    if (error.isMap()) {
        m.error = Error {errorCodeFromName(error.toMap().value(kCode).toString()),
            error.toMap().value(kText).toString()};
    } else if (!error.isUndefined()) {
        return invalid(QStringLiteral("the error is not a map"));
    }
    switch (m.type) {
    case Type::Hello:
        if (!map.value(kVersionKey).isInteger())
            return invalid(QStringLiteral("a hello without a version"));
        m.version = int(std::clamp<qint64>(map.value(kVersionKey).toInteger(), 0, 1 << 20));
        break;
    case Type::Request:
    case Type::Reply: {
        const QCborValue id = map.value(kId);
        if (!id.isInteger() || id.toInteger() < 0)
            return invalid(QStringLiteral("no id"));
        m.id = quint64(id.toInteger());
        if (m.type == Type::Request) {
            m.name = map.value(kName).toString();
            if (m.name.isEmpty() || m.name.size() > 64)
                return invalid(QStringLiteral("a request without a method"));
        }
        break;
    }
    case Type::Notification:
        m.name = map.value(kName).toString();
        if (m.name.isEmpty())
            return invalid(QStringLiteral("a notification without a topic"));
        break;
    case Type::Error:
        if (!m.error)
            return invalid(QStringLiteral("an error without its error"));
        break;
    }
    return m;
}

QByteArray encodeFrame(const Message &message)
{
    const QByteArray cbor = message.toCbor().toCborValue().toCbor();
    QByteArray frame(kHeader, Qt::Uninitialized);
    qToBigEndian(quint32(cbor.size()), frame.data());
    return frame + cbor;
}

Result<std::optional<Message>> FrameDecoder::next()
{
    if (buffered() < kHeader)
        return std::optional<Message>();
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + m_position);
    if (qint64(length) > m_maxFrame) {
        return Error {ErrorCode::LimitExceeded,
            QCoreApplication::translate(
                "Pop3Connector::Control", "a frame of %1 bytes is larger than the %2 allowed")
                .arg(length)
                .arg(m_maxFrame)};
    }
    if (buffered() < kHeader + qint64(length))
        return std::optional<Message>();
    const QByteArray cbor = m_buffer.mid(m_position + kHeader, length);
    m_position += kHeader + length;
    // Consumed bytes are dropped once they are the larger part, so the buffer never re-copies
    // a long stream of small frames and never holds more than about two frames.
    if (m_position > m_buffer.size() / 2) {
        m_buffer.remove(0, m_position);
        m_position = 0;
    }
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(cbor, &parseError);
    if (parseError.error != QCborError::NoError)
        return invalid(parseError.errorString());
    if (!value.isMap())
        return invalid(QStringLiteral("the frame is not a CBOR map"));
    Result<Message> message = Message::fromCbor(value.toMap());
    if (!message)
        return message.error();
    return std::optional<Message>(std::move(message).value());
}

} // namespace Pop3Connector::Control
