// The control channel's two ends in one process over a real Unix domain socket: the hello, then
// requests and replies in any order, notifications only to subscribers; whatever a peer sends
// (garbage, a frame over the limit, a request before the hello, a second hello) ends its
// connection after a protocol error and nothing else; a client that does not read is dropped or
// no longer read from, never buffered for without bound; the socket's mode; the client's
// timeouts and reconnection.
#include "service/controlclient.h"
#include "service/controlserver.h"

#include <QCborArray>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

namespace {

// A peer that speaks frames by hand: whatever a test wants to send, and what came back.
class RawPeer
{
public:
    explicit RawPeer(const QString &path) { m_socket.connectToServer(path); }
    bool connected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    void hello(int version = kVersion)
    {
        Message m = Message::hello({});
        m.version = version;
        send(encodeFrame(m));
    }
    // The next message from the service, or nothing within the time.
    std::optional<Message> next(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            Result<std::optional<Message>> m = m_decoder.next();
            if (!m)
                return std::nullopt;
            if (m->has_value())
                return **m;
            if (t.elapsed() > timeoutMs)
                return std::nullopt;
            if (m_socket.bytesAvailable() == 0
                && !QTest::qWaitFor(
                    [this] {
                        return m_socket.bytesAvailable() > 0
                            || m_socket.state() != QLocalSocket::ConnectedState;
                    },
                    timeoutMs))
                return std::nullopt;
            const QByteArray bytes = m_socket.readAll();
            if (bytes.isEmpty())
                return std::nullopt;
            m_decoder.append(bytes);
        }
    }
    bool closedByService(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [this] {
                m_socket.readAll();
                return m_socket.state() == QLocalSocket::UnconnectedState;
            },
            timeoutMs);
    }
    QLocalSocket m_socket;

private:
    FrameDecoder m_decoder {kMaxServiceFrame};
};

QByteArray rawFrame(const QByteArray &payload, qint64 announced = -1)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian(quint32(announced < 0 ? payload.size() : announced), header.data());
    return header + payload;
}

} // namespace

class TestControlChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void helloRequestsAndReplies();
    void notificationsGoToSubscribersOnly();
    void badInputEndsTheConnection_data();
    void badInputEndsTheConnection();
    void helloTimesOut();
    void halfAFrameTimesOut();
    void slowReaderIsDropped();
    void unreadRepliesStopReading();
    void tooManySessions();
    void socketIsPrivate();
    void liveSocketIsNotTaken();
    void clientSeesRefusalsAndGoneServices();
    void clientTimesOutAndReconnects();

private:
    Server::Settings settings() const;
    void startServer(const Server::Settings &s);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QString m_path;
};

Server::Settings TestControlChannel::settings() const
{
    Server::Settings s;
    s.path = m_path;
    s.policy = accessPolicyFor(QStringLiteral("no-such-group-p3c"));
    s.groupName = QStringLiteral("no-such-group-p3c");
    s.limits.backlogBytes = 256 * 1024;
    s.limits.helloTimeoutMs = 10000;
    s.hello.insert(QStringLiteral("service"), QStringLiteral("test"));
    return s;
}

void TestControlChannel::startServer(const Server::Settings &s)
{
    m_server = std::make_unique<Server>();
    QCOMPARE(m_server->listen(s).ok(), true);
    // An echo service: each request's parameters come back as its result; "slow" answers later
    // and after the requests that follow it; "fail" fails; "subscribe" subscribes.
    connect(m_server.get(), &Server::requested, this, [](Session *session, const Message &m) {
        if (m.name == u"subscribe") {
            QStringList topics;
            for (const QCborValue &t : m.body.value(QStringLiteral("topics")).toArray())
                topics.append(t.toString());
            session->subscribe(topics);
            session->reply(m.id);
        } else if (m.name == u"slow") {
            QTimer::singleShot(200, session, [session, m] { session->reply(m.id, m.body); });
        } else if (m.name == u"fail") {
            session->fail(m.id, {ErrorCode::NotFound, QStringLiteral("no such message")});
        } else if (m.name == u"big") {
            QCborMap r;
            r.insert(QStringLiteral("bytes"), QByteArray(512 * 1024, 'x'));
            session->reply(m.id, r);
        } else if (m.name != u"never") {
            session->reply(m.id, m.body);
        }
    });
}

void TestControlChannel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("run/control"));
    startServer(settings());
}

void TestControlChannel::cleanup()
{
    m_server.reset();
}

void TestControlChannel::helloRequestsAndReplies()
{
    Client client(QStringLiteral("tst 1"));
    QSignalSpy connected(&client, &Client::connected);
    client.connectToService(m_path);
    // Asked before the hello is through: sent after it, in order.
    QList<QString> answers;
    QCborMap a;
    a.insert(QStringLiteral("n"), QStringLiteral("slow"));
    client.request(QStringLiteral("slow"), a, this, [&](const Result<QCborMap> &r) {
        answers.append(r->value(QStringLiteral("n")).toString());
    });
    QCborMap b;
    b.insert(QStringLiteral("n"), QStringLiteral("fast"));
    client.request(QStringLiteral("echo"), b, this, [&](const Result<QCborMap> &r) {
        answers.append(r->value(QStringLiteral("n")).toString());
    });
    Error failure;
    client.request(
        QStringLiteral("fail"), {}, this, [&](const Result<QCborMap> &r) { failure = r.error(); });
    QVERIFY(connected.wait(5000));
    QCOMPARE(
        client.serviceHello().value(QStringLiteral("service")).toString(), QStringLiteral("test"));
    QTRY_COMPARE(answers.size(), 2);
    QCOMPARE(answers, (QList<QString> {QStringLiteral("fast"), QStringLiteral("slow")}));
    QCOMPARE(failure.code, ErrorCode::NotFound);
    QCOMPARE(failure.message, QStringLiteral("no such message"));
    QCOMPARE(m_server->sessions().size(), 1);
    QCOMPARE(m_server->sessions().first()->clientHello().value(QStringLiteral("client")).toString(),
        QStringLiteral("tst 1"));
    QCOMPARE(m_server->sessions().first()->peer().uid, ::geteuid());
}

void TestControlChannel::notificationsGoToSubscribersOnly()
{
    Client listener(QStringLiteral("listener"));
    Client other(QStringLiteral("other"));
    QSignalSpy events(&listener, &Client::eventReceived);
    QSignalSpy folders(&listener, &Client::folderChanged);
    QSignalSpy otherNotes(&other, &Client::notified);
    listener.connectToService(m_path);
    other.connectToService(m_path);
    bool subscribed = false;
    listener.subscribe({Topic::Event, Topic::Spool}, this,
        [&](const Result<QCborMap> &r) { subscribed = r.ok(); });
    QTRY_VERIFY(subscribed);
    QTRY_VERIFY(other.isReady());
    QVERIFY(m_server->hasSubscribers(Topic::Event));
    QVERIFY(!m_server->hasSubscribers(Topic::Progress));

    Event e = Event::make(EventId::MessageStored, QStringLiteral("stored"), QStringLiteral("a"));
    m_server->notify(Topic::Event, toCbor(e));
    m_server->notify(Topic::Progress, toCbor(MailboxProgress {}));
    QCborMap spool;
    spool.insert(QStringLiteral("folder"), QStringLiteral("badmail"));
    spool.insert(QStringLiteral("count"), 3);
    m_server->notify(Topic::Spool, spool);
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(events[0][0].value<Event>().text, QStringLiteral("stored"));
    QTRY_COMPARE(folders.size(), 1);
    QCOMPARE(folders[0][0].value<SpoolFolder>(), SpoolFolder::BadMail);
    QCOMPARE(folders[0][1].toInt(), 3);
    QTest::qWait(50);
    QCOMPARE(otherNotes.size(), 0);
}

void TestControlChannel::badInputEndsTheConnection_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("helloFirst");
    QTest::addColumn<int>("code");
    // "GET " read as a length is over a gigabyte.
    QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\n\r\n") << false
                             << int(ErrorCode::LimitExceeded);
    QTest::newRow("truncated CBOR")
        << rawFrame(encodeFrame(Message::request(1, QStringLiteral("echo"))).mid(4).chopped(3))
        << true << int(ErrorCode::InvalidInput);
    QTest::newRow("not CBOR") << rawFrame("\xff\xff\xff\xff") << false
                              << int(ErrorCode::InvalidInput);
    QTest::newRow("100 MB frame") << rawFrame(QByteArray(1000, 'x'), 100 * 1024 * 1024) << true
                                  << int(ErrorCode::LimitExceeded);
    QTest::newRow("request before hello")
        << encodeFrame(Message::request(1, QStringLiteral("echo"))) << false
        << int(ErrorCode::Protocol);
    QTest::newRow("second hello") << encodeFrame(Message::hello({})) << true
                                  << int(ErrorCode::Protocol);
    QTest::newRow("a reply from the client")
        << encodeFrame(Message::reply(3)) << true << int(ErrorCode::Protocol);
    QTest::newRow("unknown type") << rawFrame(
        QCborValue(QCborMap {{QStringLiteral("type"), QStringLiteral("launch")}}).toCbor())
                                  << true << int(ErrorCode::InvalidInput);
}

void TestControlChannel::badInputEndsTheConnection()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, helloFirst);
    QFETCH(int, code);
    RawPeer peer(m_path);
    QVERIFY(peer.connected());
    if (helloFirst) {
        peer.hello();
        const std::optional<Message> hello = peer.next();
        QVERIFY(hello && hello->type == Type::Hello);
    }
    peer.send(bytes);
    const std::optional<Message> error = peer.next();
    QVERIFY(error);
    QCOMPARE(int(error->type), int(Type::Error));
    QCOMPARE(int(error->error->code), code);
    QVERIFY(!error->error->message.isEmpty());
    QVERIFY(peer.closedByService());
    // The service goes on: another client is served.
    Client client(QStringLiteral("after"));
    bool answered = false;
    client.connectToService(m_path);
    client.request(
        QStringLiteral("echo"), {}, this, [&](const Result<QCborMap> &r) { answered = r.ok(); });
    QTRY_VERIFY(answered);
}

void TestControlChannel::helloTimesOut()
{
    Server::Settings s = settings();
    s.limits.helloTimeoutMs = 300;
    startServer(s);
    RawPeer peer(m_path);
    QVERIFY(peer.connected());
    const std::optional<Message> error = peer.next(3000);
    QVERIFY(error && error->type == Type::Error);
    QCOMPARE(error->error->code, ErrorCode::Protocol);
    QVERIFY(peer.closedByService());
    QTRY_COMPARE(m_server->sessions().size(), 0);

    RawPeer old(m_path);
    QVERIFY(old.connected());
    old.hello(kVersion + 1);
    const std::optional<Message> refused = old.next();
    QVERIFY(refused && refused->type == Type::Error);
    QVERIFY(refused->error->message.contains(QStringLiteral("version")));
}

void TestControlChannel::halfAFrameTimesOut()
{
    Server::Settings s = settings();
    s.limits.frameTimeoutMs = 300;
    startServer(s);
    RawPeer peer(m_path);
    QVERIFY(peer.connected());
    peer.hello();
    QVERIFY(peer.next());
    // A frame that announces 100 bytes and brings 10, then nothing.
    peer.send(rawFrame(QByteArray(10, 'x'), 100));
    const std::optional<Message> error = peer.next(3000);
    QVERIFY(error && error->type == Type::Error);
    QCOMPARE(error->error->code, ErrorCode::Protocol);
    QVERIFY(peer.closedByService());

    // One that goes away half-way leaves no session behind.
    {
        RawPeer quitter(m_path);
        QVERIFY(quitter.connected());
        quitter.hello();
        QVERIFY(quitter.next());
        quitter.send(rawFrame(QByteArray(10, 'x'), 100));
    }
    QTRY_COMPARE(m_server->sessions().size(), 0);
}

void TestControlChannel::slowReaderIsDropped()
{
    QSignalSpy dropped(m_server.get(), &Server::sessionDropped);
    RawPeer slow(m_path);
    QVERIFY(slow.connected());
    slow.hello();
    QVERIFY(slow.next());
    slow.send(encodeFrame(Message::request(1, QStringLiteral("subscribe"),
        QCborMap {{QStringLiteral("topics"), QCborArray {Topic::Event}}})));
    QVERIFY(slow.next()); // the subscription's reply; from now on it reads nothing
    slow.m_socket.setReadBufferSize(1);
    Client reader(QStringLiteral("reader"));
    QSignalSpy received(&reader, &Client::eventReceived);
    reader.connectToService(m_path);
    reader.subscribe({Topic::Event});
    QTRY_COMPARE(m_server->sessions().size(), 2);
    QTRY_VERIFY(reader.isReady());
    QTest::qWait(50);

    Session *slowSession = nullptr;
    for (Session *s : m_server->sessions()) {
        if (s->clientHello().isEmpty())
            slowSession = s;
    }
    QVERIFY(slowSession);
    qint64 mostQueued = 0;
    connect(slowSession, &Session::destroyed, this, [&] { slowSession = nullptr; });
    const Event e = Event::make(EventId::MessageStored, QString(400, u'x'), QStringLiteral("a"));
    int sent = 0;
    // Much more than the backlog (256 KB), the socket window and the kernel's buffer together.
    // Much more than the backlog (256 KB), the socket window and the kernel's buffer together,
    // in bursts the reader, on this same thread, takes between.
    while (sent < 20000 && dropped.isEmpty()) {
        for (int i = 0; i < 50; ++i, ++sent) {
            m_server->notify(Topic::Event, toCbor(e));
            if (slowSession)
                mostQueued = std::max(mostQueued, slowSession->queuedBytes());
        }
        QTest::qWait(5);
    }
    QCOMPARE(dropped.size(), 1);
    QVERIFY2(mostQueued <= 256 * 1024 + 1024, qPrintable(QString::number(mostQueued)));
    slow.m_socket.setReadBufferSize(0);
    QVERIFY(slow.closedByService());
    // The reader, which reads, got every one of them.
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), sent, 20000);
}

void TestControlChannel::unreadRepliesStopReading()
{
    RawPeer flood(m_path);
    QVERIFY(flood.connected());
    flood.hello();
    QVERIFY(flood.next());
    // 200 requests for half a megabyte each, none of whose replies is read.
    QByteArray requests;
    for (int i = 0; i < 200; ++i)
        requests += encodeFrame(Message::request(quint64(i), QStringLiteral("big")));
    flood.m_socket.write(requests);
    QTest::qWait(1500);
    QCOMPARE(m_server->sessions().size(), 1);
    Session *s = m_server->sessions().first();
    // The service stopped reading once the replies waiting passed the backlog: one reply over.
    QVERIFY2(
        s->queuedBytes() <= 256 * 1024 + 600 * 1024, qPrintable(QString::number(s->queuedBytes())));
    // Reading them lets the rest be read and answered, in order.
    quint64 expected = 0;
    while (expected < 200) {
        const std::optional<Message> m = flood.next(10000);
        QVERIFY2(m, qPrintable(QString::number(expected)));
        QVERIFY2(m->type == Type::Reply, qPrintable(m->error ? m->error->message : QString()));
        QCOMPARE(m->id, expected);
        ++expected;
    }
}

void TestControlChannel::tooManySessions()
{
    Server::Settings s = settings();
    s.maxSessions = 3;
    startServer(s);
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < 3; ++i) {
        peers.push_back(std::make_unique<RawPeer>(m_path));
        QVERIFY(peers.back()->connected());
    }
    QTRY_COMPARE(m_server->sessions().size(), 3);
    RawPeer fourth(m_path);
    QVERIFY(fourth.connected());
    const std::optional<Message> error = fourth.next();
    QVERIFY(error && error->type == Type::Error);
    QCOMPARE(error->error->code, ErrorCode::LimitExceeded);
}

void TestControlChannel::socketIsPrivate()
{
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QVERIFY(S_ISSOCK(st.st_mode));
    QCOMPARE(int(st.st_mode & 0077), 0); // no administrators' group here: the user alone
    QCOMPARE(::stat(QFile::encodeName(m_dir->filePath(QStringLiteral("run"))).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0700);

    // With a group that exists (root's, gid 0): the group may connect, nobody else.
    m_server.reset();
    Server::Settings s = settings();
    s.policy.administrators = 0;
    s.groupName = QStringLiteral("root");
    startServer(s);
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0060), 0060);
    QCOMPARE(int(st.st_mode & 0007), 0);
    QCOMPARE(st.st_gid, gid_t(0));
}

void TestControlChannel::liveSocketIsNotTaken()
{
    Server second;
    const Status s = second.listen(settings());
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::AlreadyExists);
    QVERIFY(s.error().message.contains(QStringLiteral("control_socket")));
    // The first one still answers.
    Client client(QStringLiteral("c"));
    bool answered = false;
    client.connectToService(m_path);
    client.request(
        QStringLiteral("echo"), {}, this, [&](const Result<QCborMap> &r) { answered = r.ok(); });
    QTRY_VERIFY(answered);

    // A socket left by a service that is gone is replaced.
    m_server.reset();
    QVERIFY(!QFile::exists(m_path));
    {
        // What a killed service leaves: a socket file nobody listens on.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(m_path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        ::close(fd);
    }
    QVERIFY(QFile::exists(m_path));
    startServer(settings());
}

void TestControlChannel::clientSeesRefusalsAndGoneServices()
{
    Client client(QStringLiteral("c"));
    QSignalSpy gone(&client, &Client::disconnected);
    client.connectToService(m_dir->filePath(QStringLiteral("nothing-here")));
    QTRY_COMPARE(gone.size(), 1);
    QCOMPARE(gone[0][0].value<Error>().code, ErrorCode::NotFound);
    Error failed;
    client.request(
        QStringLiteral("echo"), {}, this, [&](const Result<QCborMap> &r) { failed = r.error(); });
    QTRY_COMPARE(failed.code, ErrorCode::NotFound);

    // A service that ends while a request is open: the request fails, and the client says so.
    client.connectToService(m_path);
    QTRY_VERIFY(client.isReady());
    std::optional<Error> lost;
    client.request(
        QStringLiteral("never"), {}, this, [&](const Result<QCborMap> &r) { lost = r.error(); });
    QTest::qWait(50);
    m_server.reset();
    QTRY_VERIFY(lost.has_value());
    QCOMPARE(lost->code, ErrorCode::Io);
    QCOMPARE(client.state(), Client::State::Disconnected);
}

void TestControlChannel::clientTimesOutAndReconnects()
{
    Client client(QStringLiteral("c"));
    client.setReconnectInterval(100);
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy events(&client, &Client::eventReceived);
    client.connectToService(m_path);
    client.subscribe({Topic::Event});
    QVERIFY(connected.wait(5000));
    Error late;
    client.request(
        QStringLiteral("never"), {}, this, [&](const Result<QCborMap> &r) { late = r.error(); },
        200);
    QTRY_COMPARE(late.code, ErrorCode::Cancelled);

    // The service restarts: the client connects again and is subscribed again.
    m_server.reset();
    QTest::qWait(250);
    startServer(settings());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
    QTRY_VERIFY(m_server->hasSubscribers(Topic::Event));
    m_server->notify(Topic::Event, toCbor(Event::make(EventId::CycleStarted, QStringLiteral("x"))));
    QTRY_COMPARE(events.size(), 1);
}

QTEST_GUILESS_MAIN(TestControlChannel)
#include "tst_controlchannel.moc"
