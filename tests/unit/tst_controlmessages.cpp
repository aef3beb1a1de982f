// The control channel's pure parts: who may connect (a table over users and groups), where the
// socket is for each kind of configuration, and the typed contents of messages, which read back
// as they were written and tolerate what an older or newer peer leaves out.
#include "events/eventlog.h"
#include "service/controlendpoint.h"
#include "service/controlmessages.h"
#include "service/controlpeer.h"
#include "spool/messagemetadata.h"

#include <QCborArray>
#include <QTest>
#include <QTranslator>

#include <sys/socket.h>
#include <unistd.h>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

class TestControlMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accessPolicy_data();
    void accessPolicy();
    void peerOfASocket();
    void socketPath_data();
    void socketPath();
    void eventsRoundTrip();
    void eventsCarryTheirPhrase();
    void progressAndReportsRoundTrip();
    void summaryRoundTrip();
    void cycleRoundTrip();
    void folderKeys();
    void missingKeysGiveDefaults();
};

void TestControlMessages::accessPolicy_data()
{
    QTest::addColumn<uint>("uid");
    QTest::addColumn<uint>("gid");
    QTest::addColumn<QList<uint>>("groups");
    QTest::addColumn<bool>("groupExists");
    QTest::addColumn<bool>("allowed");
    // The service runs as uid 110; its administrators' group is gid 120 when it exists.
    QTest::newRow("root") << 0u << 0u << QList<uint>() << true << true;
    QTest::newRow("root without the group") << 0u << 0u << QList<uint>() << false << true;
    QTest::newRow("the service's user") << 110u << 110u << QList<uint>() << true << true;
    QTest::newRow("member, supplementary")
        << 1000u << 1000u << QList<uint> {27, 120} << true << true;
    QTest::newRow("member, primary group") << 1001u << 120u << QList<uint>() << true << true;
    QTest::newRow("member of other groups")
        << 1000u << 1000u << QList<uint> {27, 100} << true << false;
    QTest::newRow("group does not exist") << 1000u << 1000u << QList<uint> {120} << false << false;
    QTest::newRow("nobody") << 65534u << 65534u << QList<uint>() << true << false;
    QTest::newRow("nobody with root's group") << 65534u << 0u << QList<uint> {0} << true << false;
}

void TestControlMessages::accessPolicy()
{
    QFETCH(uint, uid);
    QFETCH(uint, gid);
    QFETCH(QList<uint>, groups);
    QFETCH(bool, groupExists);
    QFETCH(bool, allowed);
    Peer peer;
    peer.uid = uid;
    peer.gid = gid;
    for (uint g : groups)
        peer.groups.append(gid_t(g));
    AccessPolicy policy;
    policy.serviceUid = 110;
    if (groupExists)
        policy.administrators = 120;
    QCOMPARE(isAllowed(peer, policy), allowed);
}

void TestControlMessages::peerOfASocket()
{
    int fds[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    const Result<Peer> peer = peerOf(fds[0]);
    ::close(fds[0]);
    ::close(fds[1]);
    QVERIFY(peer.ok());
    QCOMPARE(peer->uid, ::geteuid());
    QCOMPARE(peer->gid, ::getegid());
    QCOMPARE(peer->pid, qint64(::getpid()));
    QVERIFY(peer->describe().contains(QString::number(::getpid())));
    QVERIFY(isAllowed(*peer, accessPolicyFor(QStringLiteral("no-such-group-here"))));
    QVERIFY(!groupId(QStringLiteral("no-such-group-here")).has_value());
    QCOMPARE(groupId(QStringLiteral("root")).value_or(99), gid_t(0));
}

void TestControlMessages::socketPath_data()
{
    QTest::addColumn<QString>("configPath");
    QTest::addColumn<QString>("controlSocket");
    QTest::addColumn<QString>("runtimeDir");
    QTest::addColumn<QString>("expected");
    QTest::newRow("set in the file")
        << QStringLiteral("/etc/pop3connector/pop3connector.ini")
        << QStringLiteral("/srv/p3c/control") << QStringLiteral("/run/user/0")
        << QStringLiteral("/srv/p3c/control");
    QTest::newRow("system service")
        << QStringLiteral("/etc/pop3connector/pop3connector.ini") << QString()
        << QStringLiteral("/run/user/0") << QStringLiteral("/run/pop3connector/control");
    // sha256("/home/alice/.config/pop3connector/pop3connector.ini"), first 12 hex digits.
    QTest::newRow("desktop user") << QStringLiteral(
        "/home/alice/.config/pop3connector/pop3connector.ini")
                                  << QString() << QStringLiteral("/run/user/1000")
                                  << QStringLiteral("/run/user/1000/pop3connector/control-")
            + QString::fromLatin1(QCryptographicHash::hash(
                "/home/alice/.config/pop3connector/pop3connector.ini", QCryptographicHash::Sha256)
                                      .toHex()
                                      .left(12));
    QTest::newRow("no session") << QStringLiteral("/srv/p3c/p3c.ini") << QString() << QString()
                                << QStringLiteral("/srv/p3c/spool/state/control");
}

void TestControlMessages::socketPath()
{
    QFETCH(QString, configPath);
    QFETCH(QString, controlSocket);
    QFETCH(QString, runtimeDir);
    QFETCH(QString, expected);
    Configuration c;
    c.path = configPath;
    c.connector.spool = QStringLiteral("/srv/p3c/spool");
    c.connector.controlSocket = controlSocket;
    QCOMPARE(Control::socketPath(c, runtimeDir), expected);
    // Two configurations of one user never share a socket.
    Configuration other = c;
    other.path = configPath + QStringLiteral(".2");
    if (controlSocket.isEmpty() && !runtimeDir.isEmpty()
        && !ConfigurationFile::isSystemPath(configPath))
        QVERIFY(Control::socketPath(other, runtimeDir) != expected);
    QVERIFY(!howToStart(c).isEmpty());
}

void TestControlMessages::eventsRoundTrip()
{
    Event e = Event::make(EventId::AuthenticationFailed,
        QStringLiteral("ログインできません: -ERR [AUTH] bad"), QStringLiteral("sales"),
        QStringLiteral("20261127T052835123Z-1a2b-000001"));
    e.time = QDateTime::fromMSecsSinceEpoch(1'800'000'000'123, Qt::UTC);
    const Event back = eventFromCbor(toCbor(e));
    QCOMPARE(int(back.id), int(e.id));
    QCOMPARE(back.time, e.time);
    QCOMPARE(back.severity, e.severity);
    QCOMPARE(back.category, e.category);
    QCOMPARE(back.mailbox, e.mailbox);
    QCOMPARE(back.message, e.message);
    QCOMPARE(back.text, e.text);
    QCOMPARE(toCbor(e).value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
}

namespace {

// Japanese for two sentences, as the catalogue would have them, without depending on it.
class TwoSentences : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        if (qstrcmp(context, "Ctx") != 0)
            return {};
        if (qstrcmp(source, "Message %1 was moved to Failed Mail: %2") == 0)
            return QStringLiteral("メッセージ %1 を Failed Mail に移しました: %2");
        if (qstrcmp(source, "%n message(s) for %1") == 0 && n >= 0)
            return QStringLiteral("%1 宛てのメッセージ %n 通");
        if (qstrcmp(source, "no routing rule matches %1") == 0)
            return QStringLiteral("%1 に合う振り分け規則がありません");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void TestControlMessages::eventsCarryTheirPhrase()
{
    // What an English service writes: the text in English, the sentence as data beside it, and
    // an argument that is a sentence of its own.
    const Phrase reason =
        Phrase("Ctx", "no routing rule matches %1").arg(QStringLiteral("a@b.example"));
    const Phrase phrase =
        Phrase("Ctx", "Message %1 was moved to Failed Mail: %2").arg(QStringLiteral("m1"), reason);
    const Event e = Event::make(EventId::NoRecipientFailed, phrase, QStringLiteral("sales"));
    QCOMPARE(e.text,
        QStringLiteral("Message m1 was moved to Failed Mail: no routing rule matches a@b.example"));
    const QCborMap wire = toCbor(e);
    QCOMPARE(wire.value(QStringLiteral("text")).toString(), e.text);
    QCOMPARE(wire.value(QStringLiteral("args")).toArray().size(), 2);
    QCOMPARE(wire.value(QStringLiteral("args")).toArray().at(0).toString(), QStringLiteral("m1"));
    QCOMPARE(
        wire.value(QStringLiteral("source")).toMap().value(QStringLiteral("source")).toString(),
        QStringLiteral("Message %1 was moved to Failed Mail: %2"));
    const Event back = eventFromCbor(wire);
    QCOMPARE(back.phrase, e.phrase);
    const std::optional<Event> logged = EventLog::fromJsonLine(EventLog::toJsonLine(e));
    QVERIFY(logged);
    QCOMPARE(logged->phrase, e.phrase);
    QVERIFY(EventLog::toJsonLine(e).contains("\"text\":\"Message m1 was moved to Failed Mail"));

    // A reader with Japanese installed sees Japanese, the nested reason too; the English stays.
    QCOMPARE(back.displayText(), e.text);
    TwoSentences japanese;
    QCoreApplication::installTranslator(&japanese);
    QCOMPARE(back.displayText(),
        QStringLiteral("メッセージ m1 を Failed Mail に移しました: a@b.example "
                       "に合う振り分け規則がありません"));
    QCOMPARE(logged->displayText(), back.displayText());
    QCOMPARE(back.text, e.text);
    QCOMPARE(Phrase("Ctx", "%n message(s) for %1", 3).arg(QStringLiteral("x")).translated(),
        QStringLiteral("x 宛てのメッセージ 3 通"));
    QCOMPARE(Phrase("Ctx", "%n message(s) for %1", 3).arg(QStringLiteral("x")).english(),
        QStringLiteral("3 messages for x"));
    QCOMPARE(Phrase("Ctx", "%n mailbox(es) for %1", 1).arg(QStringLiteral("x")).english(),
        QStringLiteral("1 mailbox for x"));

    // An event from an older service has text only: shown as it is.
    QCborMap old = wire;
    old.remove(QStringLiteral("args"));
    old.remove(QStringLiteral("source"));
    QCOMPARE(eventFromCbor(old).displayText(), e.text);

    // A Failed Mail reason in a sidecar: English under "reason", the data beside it; a sidecar
    // with the text only (older, or edited by hand) still shows its text.
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("sales");
    meta.setPhrase(QStringLiteral("reason"), reason);
    const std::optional<MessageMetadata> read = MessageMetadata::parse(meta.serialize());
    QVERIFY(read);
    QCOMPARE(read->other.value(QStringLiteral("reason")),
        QStringLiteral("no routing rule matches a@b.example"));
    QCOMPARE(read->phrase(QStringLiteral("reason")).translated(),
        QStringLiteral("a@b.example に合う振り分け規則がありません"));
    MessageMetadata edited = *read;
    edited.other.insert(QStringLiteral("reason"), QStringLiteral("checked by Tanaka"));
    QCOMPARE(
        edited.phrase(QStringLiteral("reason")).translated(), QStringLiteral("checked by Tanaka"));
    MessageMetadata older;
    older.other.insert(QStringLiteral("reason"), QStringLiteral("550 no such user"));
    QCOMPARE(
        older.phrase(QStringLiteral("reason")).translated(), QStringLiteral("550 no such user"));

    MessageSummary s;
    s.name = QStringLiteral("m1");
    s.reason = reason;
    const QCborMap summary = toCbor(s);
    QCOMPARE(summary.value(QStringLiteral("reason")).toString(), reason.english());
    QCOMPARE(summaryFromCbor(summary).reason.translated(),
        QStringLiteral("a@b.example に合う振り分け規則がありません"));
    QCoreApplication::removeTranslator(&japanese);
    QCOMPARE(summaryFromCbor(summary).reason.translated(), reason.english());
}

void TestControlMessages::progressAndReportsRoundTrip()
{
    MailboxProgress p;
    p.mailbox = QStringLiteral("info@isp");
    p.phase = MailboxProgress::Phase::Retrieving;
    p.messagesDone = 3;
    p.messagesTotal = 5000;
    p.bytesDone = 1LL << 33;
    p.bytesTotal = 1LL << 34;
    const MailboxProgress pb = progressFromCbor(toCbor(p));
    QCOMPARE(pb.mailbox, p.mailbox);
    QCOMPARE(pb.phase, p.phase);
    QCOMPARE(pb.messagesDone, 3);
    QCOMPARE(pb.messagesTotal, 5000);
    QCOMPARE(pb.bytesDone, p.bytesDone);
    QCOMPARE(pb.bytesTotal, p.bytesTotal);

    RetrievalReport r;
    r.mailbox = QStringLiteral("sales");
    r.outcome = RetrievalReport::Outcome::Failed;
    r.failureId = EventId::AuthenticationFailed;
    r.failureText = QStringLiteral("the server refused the password");
    r.onServer = 7;
    r.stored = 2;
    r.bytes = 12345;
    const RetrievalReport rb = retrievalFromCbor(toCbor(r));
    QCOMPARE(rb.mailbox, r.mailbox);
    QCOMPARE(rb.outcome, r.outcome);
    QCOMPARE(int(rb.failureId), int(r.failureId));
    QCOMPARE(rb.failureText, r.failureText);
    QCOMPARE(rb.onServer, 7);
    QCOMPARE(rb.stored, 2);
    QCOMPARE(rb.bytes, 12345);
    // An older service's text alone stands for itself.
    QVERIFY(rb.failure.isLiteral());
    QCOMPARE(rb.failure.translated(), r.failureText);

    // The failure as a sentence travels beside its English, for a reader in another language.
    r.failure = Phrase("Pop3Connector::MailboxRetrieval", "%1 refused the password for %2.")
                    .arg(QStringLiteral("pop.example.jp"), QStringLiteral("sales"));
    r.failureText = r.failure.english();
    const QCborMap wire = toCbor(r);
    QCOMPARE(wire.value(QStringLiteral("text")).toString(),
        QStringLiteral("pop.example.jp refused the password for sales."));
    const RetrievalReport rp = retrievalFromCbor(wire);
    QCOMPARE(rp.failure, r.failure);
    QCOMPARE(rp.failureText, r.failureText);
}

void TestControlMessages::summaryRoundTrip()
{
    MessageSummary s;
    s.folder = SpoolFolder::BadMail;
    s.name = QStringLiteral("20261127T052835123Z-1a2b-000001");
    s.from = QStringLiteral("山田 <yamada@example.jp>");
    s.to = QStringLiteral("a@office.example, b@office.example");
    s.subject = QStringLiteral("見積もり");
    s.date = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);
    s.arrived = QDateTime::fromMSecsSinceEpoch(1'790'000'100'250, Qt::UTC);
    s.size = 4096;
    s.reason = QStringLiteral("550 5.1.1 no such user");
    s.mailbox = QStringLiteral("info");
    s.readable = false;
    const MessageSummary b = summaryFromCbor(toCbor(s));
    QCOMPARE(b.folder, s.folder);
    QCOMPARE(b.name, s.name);
    QCOMPARE(b.from, s.from);
    QCOMPARE(b.to, s.to);
    QCOMPARE(b.subject, s.subject);
    QCOMPARE(b.date, s.date);
    QCOMPARE(b.arrived, s.arrived);
    QCOMPARE(b.size, s.size);
    QCOMPARE(b.reason, s.reason);
    QCOMPARE(b.mailbox, s.mailbox);
    QCOMPARE(b.readable, false);
}

void TestControlMessages::cycleRoundTrip()
{
    CycleOutcome c;
    c.id = 42;
    c.started = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);
    c.finished = c.started.addSecs(12);
    RetrievalReport ok;
    ok.mailbox = QStringLiteral("a");
    ok.stored = 5;
    c.mailboxes = {ok};
    c.problems = {{QStringLiteral("delivery"), EventId::LocalServerUnreachable,
        QStringLiteral("connection refused")}};
    c.delivered = 4;
    c.routed = 5;
    const QCborMap wire = toCbor(c);
    // Each problem travels with its fix, for a client that has no catalogue of its own.
    QCOMPARE(wire.value(QStringLiteral("problems"))
                 .toArray()
                 .at(0)
                 .toMap()
                 .value(QStringLiteral("fix"))
                 .toString(),
        describe(EventId::LocalServerUnreachable).fix);
    const CycleOutcome b = cycleFromCbor(wire);
    QCOMPARE(b.id, quint64(42));
    QCOMPARE(b.started, c.started);
    QCOMPARE(b.finished, c.finished);
    QCOMPARE(b.mailboxes.size(), 1);
    QCOMPARE(b.mailboxes[0].stored, 5);
    QCOMPARE(b.problems.size(), 1);
    QCOMPARE(int(b.problems[0].event), int(EventId::LocalServerUnreachable));
    QCOMPARE(b.problems[0].text, QStringLiteral("connection refused"));
    QCOMPARE(b.delivered, 4);
    QCOMPARE(b.routed, 5);
    QVERIFY(!b.succeeded());
}

void TestControlMessages::folderKeys()
{
    for (SpoolFolder f : Spool::folders()) {
        QCOMPARE(folderFromKey(folderKey(f)), std::optional<SpoolFolder>(f));
        QCOMPARE(folderFromKey(Spool::folderName(f).toUpper()), std::optional<SpoolFolder>(f));
    }
    QCOMPARE(folderFromKey(QStringLiteral("tmp")), std::optional<SpoolFolder>());
    QCOMPARE(folderFromKey(QStringLiteral("../state")), std::optional<SpoolFolder>());
}

void TestControlMessages::missingKeysGiveDefaults()
{
    const Event e = eventFromCbor(QCborMap {{QStringLiteral("text"), 5}});
    QVERIFY(e.text.isEmpty());
    QVERIFY(!e.time.isValid());
    const MessageSummary s = summaryFromCbor({});
    QVERIFY(s.readable);
    QCOMPARE(s.size, 0);
    const CycleOutcome c = cycleFromCbor(QCborMap {{QStringLiteral("problems"), 3}});
    QVERIFY(c.succeeded());
}

QTEST_GUILESS_MAIN(TestControlMessages)
#include "tst_controlmessages.moc"
