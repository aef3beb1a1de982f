#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <optional>

namespace Pop3Connector::Control {

// The control channel's wire format (docs/control-protocol.md): frames of a 4-byte big-endian
// length and a CBOR map. Pure functions over bytes; the server and the client own the socket.

constexpr int kVersion = 1;
// A client's frame is a request: small. The service's may carry a page of a spool listing, a
// message's preview or an exported message.
constexpr qint64 kMaxClientFrame = 1024 * 1024;
constexpr qint64 kMaxServiceFrame = 128 * 1024 * 1024;

enum class Type { Hello, Request, Reply, Notification, Error };

// One message. `id` pairs a reply with its request; `name` is a request's method or a
// notification's topic; `body` holds a request's parameters, a reply's result, a
// notification's data, or a hello's description of its sender.
struct Message
{
    Type type = Type::Request;
    quint64 id = 0;
    QString name;
    QCborMap body;
    std::optional<Error> error; // a failed request's reply, or a protocol error
    int version = kVersion; // a hello's: the protocol version its sender speaks

    static Message hello(const QCborMap &about);
    static Message request(quint64 id, const QString &method, const QCborMap &params = {});
    static Message reply(quint64 id, const QCborMap &result = {});
    static Message failure(quint64 id, const Error &error);
    static Message notification(const QString &topic, const QCborMap &data);
    static Message protocolError(const Error &error);

    QCborMap toCbor() const;
    // Refuses a map that is not a message of this version's shapes (InvalidInput).
    static Result<Message> fromCbor(const QCborMap &map);
};

// The frame of a message: length and CBOR.
QByteArray encodeFrame(const Message &message);

// Cuts a byte stream into messages. Bytes are appended as they arrive; next() returns a whole
// message, nothing while one is still incomplete, or an error for a frame over the limit or
// bytes that are not a message; after an error the stream is unusable (close the connection).
// Memory stays within one frame of the limit, whatever a peer sends.
class FrameDecoder
{
public:
    explicit FrameDecoder(qint64 maxFrame)
        : m_maxFrame(maxFrame)
    { }

    void append(QByteArrayView bytes) { m_buffer.append(bytes); }
    Result<std::optional<Message>> next();
    qint64 buffered() const { return m_buffer.size() - m_position; }

private:
    qint64 m_maxFrame;
    QByteArray m_buffer;
    qsizetype m_position = 0;
};

// The error codes as they travel ("DiskFull", "NotFound" ...), and back; an unknown name is Io.
QString errorCodeName(ErrorCode code);
ErrorCode errorCodeFromName(const QString &name);

} // namespace Pop3Connector::Control
