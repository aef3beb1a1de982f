// The control channel's framing and messages: what is written reads back the same, and
// whatever a peer sends, the decoder answers with a message, "not yet", or an error, within
// its memory bound.
#include "service/controlprotocol.h"

#include <QCborArray>
#include <QTest>
#include <QtEndian>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

Q_DECLARE_METATYPE(Pop3Connector::Control::Message)

class TestControlProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void byteByByteAndBackToBack();
    void refuses_data();
    void refuses();
    void oversizedFrameIsRefusedBeforeItArrives();
    void errorCodesTravel();
};

void TestControlProtocol::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QCborMap params;
    params.insert(QStringLiteral("mailbox"), QStringLiteral("sales"));
    params.insert(QStringLiteral("names"), QCborArray {QStringLiteral("a"), QStringLiteral("b")});
    QCborMap about;
    about.insert(QStringLiteral("client"), QStringLiteral("pop3connectorctl 0.2"));
    QTest::newRow("hello") << Message::hello(about);
    QTest::newRow("request") << Message::request(7, QStringLiteral("retrieveNow"), params);
    QTest::newRow("request without parameters") << Message::request(0, QStringLiteral("status"));
    QTest::newRow("reply") << Message::reply(7, params);
    QTest::newRow("failure") << Message::failure(
        9, Error {ErrorCode::NotFound, QStringLiteral("message x is no longer in PickUp")});
    QTest::newRow("notification") << Message::notification(QStringLiteral("event"), params);
    QTest::newRow("protocol error")
        << Message::protocolError(Error {ErrorCode::Protocol, QStringLiteral("say hello first")});
    QTest::newRow("large id") << Message::reply(quint64(1) << 40);
}

void TestControlProtocol::roundTrip()
{
    QFETCH(Message, message);
    FrameDecoder decoder(kMaxServiceFrame);
    decoder.append(encodeFrame(message));
    const Result<std::optional<Message>> next = decoder.next();
    QVERIFY(next.ok());
    QVERIFY(next->has_value());
    const Message &back = **next;
    QCOMPARE(int(back.type), int(message.type));
    QCOMPARE(back.id, message.id);
    QCOMPARE(back.name, message.name);
    QCOMPARE(back.body, message.body);
    QCOMPARE(back.error.has_value(), message.error.has_value());
    if (message.error) {
        QCOMPARE(int(back.error->code), int(message.error->code));
        QCOMPARE(back.error->message, message.error->message);
    }
    QCOMPARE(back.version, kVersion);
    QCOMPARE(decoder.buffered(), 0);
    QVERIFY(decoder.next().ok() && !decoder.next()->has_value());
}

void TestControlProtocol::byteByByteAndBackToBack()
{
    QByteArray stream;
    for (int i = 0; i < 50; ++i)
        stream += encodeFrame(Message::request(quint64(i), QStringLiteral("status")));
    FrameDecoder decoder(kMaxClientFrame);
    QList<quint64> ids;
    for (char c : std::as_const(stream)) {
        decoder.append(QByteArrayView(&c, 1));
        for (;;) {
            const Result<std::optional<Message>> next = decoder.next();
            QVERIFY(next.ok());
            if (!next->has_value())
                break;
            ids.append((*next)->id);
        }
    }
    QCOMPARE(ids.size(), 50);
    QCOMPARE(ids.last(), quint64(49));
    QVERIFY(decoder.buffered() == 0);
}

void TestControlProtocol::refuses_data()
{
    QTest::addColumn<QByteArray>("payload"); // CBOR after the length header
    const auto map = [](std::initializer_list<std::pair<QString, QCborValue>> items) {
        QCborMap m;
        for (const auto &[k, v] : items)
            m.insert(k, v);
        return QCborValue(m).toCbor();
    };
    const QString type = QStringLiteral("type");
    QTest::newRow("garbage") << QByteArray("\xff\xfe garbage", 10);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated CBOR")
        << QCborValue(QCborMap {{type, QStringLiteral("request")}}).toCbor().chopped(3);
    QTest::newRow("not a map") << QCborValue(QCborArray {1, 2}).toCbor();
    QTest::newRow("unknown type") << map({{type, QStringLiteral("launch")}});
    QTest::newRow("no type") << map({{QStringLiteral("id"), 1}});
    QTest::newRow("request without id")
        << map({{type, QStringLiteral("request")}, {QStringLiteral("name"), QStringLiteral("x")}});
    QTest::newRow("negative id") << map({{type, QStringLiteral("request")},
        {QStringLiteral("id"), -1}, {QStringLiteral("name"), QStringLiteral("x")}});
    QTest::newRow("request without method")
        << map({{type, QStringLiteral("request")}, {QStringLiteral("id"), 1}});
    QTest::newRow("method too long") << map({{type, QStringLiteral("request")},
        {QStringLiteral("id"), 1}, {QStringLiteral("name"), QString(65, u'x')}});
    QTest::newRow("body not a map") << map(
        {{type, QStringLiteral("reply")}, {QStringLiteral("id"), 1}, {QStringLiteral("body"), 5}});
    QTest::newRow("hello without version") << map({{type, QStringLiteral("hello")}});
    QTest::newRow("error without error") << map({{type, QStringLiteral("error")}});
}

void TestControlProtocol::refuses()
{
    QFETCH(QByteArray, payload);
    QByteArray frame(4, Qt::Uninitialized);
    qToBigEndian(quint32(payload.size()), frame.data());
    FrameDecoder decoder(kMaxClientFrame);
    decoder.append(frame + payload);
    const Result<std::optional<Message>> next = decoder.next();
    QVERIFY(!next.ok());
    QCOMPARE(int(next.error().code), int(ErrorCode::InvalidInput));
}

void TestControlProtocol::oversizedFrameIsRefusedBeforeItArrives()
{
    // A header announcing 100 MB: refused at once, not after buffering it.
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian(quint32(100 * 1024 * 1024), header.data());
    FrameDecoder decoder(kMaxClientFrame);
    decoder.append(header + QByteArray(1000, 'x'));
    const Result<std::optional<Message>> next = decoder.next();
    QVERIFY(!next.ok());
    QCOMPARE(int(next.error().code), int(ErrorCode::LimitExceeded));
}

void TestControlProtocol::errorCodesTravel()
{
    for (ErrorCode code : {ErrorCode::DiskFull, ErrorCode::PermissionDenied, ErrorCode::NotFound,
             ErrorCode::AlreadyExists, ErrorCode::NotARegularFile, ErrorCode::ShortWrite,
             ErrorCode::Io, ErrorCode::Corrupt, ErrorCode::InvalidInput, ErrorCode::Protocol,
             ErrorCode::LimitExceeded, ErrorCode::Cancelled})
        QCOMPARE(int(errorCodeFromName(errorCodeName(code))), int(code));
    QCOMPARE(int(errorCodeFromName(QStringLiteral("NoSuchCode"))), int(ErrorCode::Io));
}

QTEST_GUILESS_MAIN(TestControlProtocol)
#include "tst_controlprotocol.moc"
