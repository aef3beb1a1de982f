// All three stages end to end, all real: Dovecot serves the provider's POP3 mailboxes,
// pop3connectord retrieves, routes and delivers over LMTP to Dovecot again, which stores into the
// office's local Maildirs. Checked: every message in the right local mailbox exactly once, the
// unroutable ones with the undeliverable-mail mailbox, a rejected recipient in BadMail, mail
// waiting in PickUp while the local server is down, header bytes that never become a recipient
// or sender of LMTP, and a message to more recipients than one transaction takes.
#include "childprocess.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "spool/pickupenvelope.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QStringList kStaff = {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
    QStringLiteral("dave"), QStringLiteral("erin"), QStringLiteral("frank"),
    QStringLiteral("grace"), QStringLiteral("heidi")};

// More local users than one LMTP transaction takes (DeliveryPolicy::kMaxRecipientsPerTransaction).
QStringList crowd()
{
    QStringList out;
    for (int i = 0; i < 230; ++i)
        out.append(QStringLiteral("u%1").arg(i, 3, 10, QLatin1Char('0')));
    return out;
}

// A local user's mail, read from their Maildir: each message without the header fields added on
// its way (withoutDeliveryTrace), so byte for byte the corpus message; or, where those fields
// are not as expected, the problem. Message-ID -> the copies.
struct Mailbox
{
    QHash<QByteArray, QList<QByteArray>> copies;
    QStringList problems;
};

Mailbox delivered(const DovecotFixture &dovecot, const QString &user)
{
    Mailbox box;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(dovecot.maildir(user) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            file.open(QIODevice::ReadOnly);
            QString problem;
            const QByteArray m = withoutDeliveryTrace(file.readAll(), &problem);
            if (m.isEmpty())
                box.problems.append(user + u'/' + f + QStringLiteral(": ") + problem);
            else
                box.copies[messageId(m)].append(m);
        }
    }
    return box;
}

// How many copies of the message with this Message-ID the mailbox holds.
int copiesOf(const Mailbox &box, const QByteArray &id)
{
    return int(box.copies.value(id).size());
}

// The office.example addresses of a message's To and Cc (the corpus writes them on one line).
QSet<QString> officeRecipients(const QByteArray &message)
{
    QSet<QString> out;
    const QByteArray header = message.left(message.indexOf("\n\n"));
    for (const QByteArray &line : header.split('\n')) {
        if (!line.startsWith("To:") && !line.startsWith("Cc:"))
            continue;
        static const QRegularExpression address(QStringLiteral("([a-z]+)@office\\.example"));
        for (auto m = address.globalMatch(QString::fromLatin1(line)); m.hasNext();)
            out.insert(m.next().captured(1));
    }
    return out;
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void routesCorpusToLocalMailboxes();
    void rejectedRecipientGoesToBadMail();
    void pickupWaitsForLocalServer();
    void headerBytesNeverReachLmtp();
    void recipientsBeyondOneTransaction();

private:
    QString writeConfig(
        quint16 deliveryPort, const QString &extra = {}, const QString &connectorExtra = {});
    struct Run
    {
        int exitCode = -1;
        QString err;
    };
    Run daemon(const QString &ini, const QStringList &more = {});

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPipeline::initTestCase()
{
    QMap<QString, QString> users = {{QStringLiteral("shop"), QStringLiteral("pw-shop")},
        {QStringLiteral("catchall"), QStringLiteral("pw-catchall")},
        {QStringLiteral("postmaster"), QStringLiteral("x")}};
    for (const QString &u : kStaff + crowd())
        users.insert(u, QStringLiteral("x"));
    const QString error = m_dovecot.start(users);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestPipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    for (const QString &u : kStaff
            + QStringList {
                QStringLiteral("shop"), QStringLiteral("catchall"), QStringLiteral("postmaster")})
        m_dovecot.clearMailbox(u);
}

QString TestPipeline::writeConfig(
    quint16 deliveryPort, const QString &extra, const QString &connectorExtra)
{
    for (const char *box : {"shop", "catchall"}) {
        QFile pw(m_dir->filePath(QLatin1String(box) + QStringLiteral(".pw")));
        pw.open(QIODevice::WriteOnly);
        pw.write(QByteArray("pw-") + box + "\n");
        pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    const QString path = m_dir->filePath(QStringLiteral("c.ini"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QStringLiteral(
        "[connector]\nspool = spool\nundeliverable_mailbox = postmaster@office.example\n%5\n"
        "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n\n"
        "[mailbox.shop]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\nca_file = %3\n"
        "user = shop\npassword_file = shop.pw\nlocal_mailbox = alice@office.example\n\n"
        "[mailbox.catchall]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\nca_file = %3\n"
        "user = catchall\npassword_file = catchall.pw\ntype = global\n"
        "accepted_domains = office.example\n"
        "rule1 = ghost@office.example -> ghost@office.example\n"
        "rule2 = *@office.example -> *@office.example\n%4")
                .arg(deliveryPort)
                .arg(m_dovecot.pop3Port())
                .arg(m_dovecot.caFile(), extra, connectorExtra)
                .toUtf8());
    return path;
}

TestPipeline::Run TestPipeline::daemon(const QString &ini, const QStringList &more)
{
    ChildProcess p;
    p.start(QStringLiteral(P3C_DAEMON),
        QStringList {QStringLiteral("--config"), ini, QStringLiteral("--once")} + more);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

void TestPipeline::routesCorpusToLocalMailboxes()
{
    // The shop's mail all goes to alice; the catch-all's by recipient.
    CorpusOptions shopOptions;
    shopOptions.count = 100;
    shopOptions.seed = 71;
    shopOptions.recipientDomain = QStringLiteral("isp.example");
    const QList<QByteArray> shop = makeCorpus(shopOptions);
    CorpusOptions allOptions;
    allOptions.count = 900;
    allOptions.seed = 72;
    allOptions.recipientDomain = QStringLiteral("office.example");
    QList<QByteArray> all = makeCorpus(allOptions);
    // Some list mail that names nobody of ours, and some copies delivered twice by the provider.
    for (int i = 0; i < 20; ++i)
        all[i].replace("To: ", "To: list@lists.example\nX-List: ").replace("Cc: ", "X-Old-Cc: ");
    for (int i = 0; i < 10; ++i)
        all.append(all[100 + i]);
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), shop).isEmpty());
    QVERIFY(m_dovecot.addMessages(QStringLiteral("catchall"), all).isEmpty());

    const Run r = daemon(writeConfig(m_dovecot.lmtpPort()));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // user -> Message-ID -> the message as the provider had it.
    QHash<QString, QHash<QByteArray, QByteArray>> expected;
    for (const QByteArray &m : shop)
        expected[QStringLiteral("alice")].insert(messageId(m), m);
    for (const QByteArray &m : all) {
        const QSet<QString> to = officeRecipients(m);
        if (to.isEmpty())
            expected[QStringLiteral("postmaster")].insert(messageId(m), m);
        for (const QString &u : to)
            expected[u].insert(messageId(m), m);
    }
    for (const QString &user : kStaff + QStringList {QStringLiteral("postmaster")}) {
        const Mailbox got = delivered(m_dovecot, user);
        QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join(u'\n')));
        const QHash<QByteArray, QByteArray> want = expected.value(user);
        for (auto it = got.copies.cbegin(); it != got.copies.cend(); ++it) {
            const QString id = QString::fromLatin1(it.key());
            QVERIFY2(it.value().size() == 1,
                qPrintable(
                    QStringLiteral("%1 has %2 %3 times").arg(user, id).arg(it.value().size())));
            QVERIFY2(want.contains(it.key()),
                qPrintable(QStringLiteral("%1 has %2, which is not for them").arg(user, id)));
            const QByteArray &expectedBytes = want.value(it.key());
            const QByteArray &bytes = it.value().first();
            if (bytes != expectedBytes) {
                qsizetype at = 0;
                while (at < bytes.size() && at < expectedBytes.size()
                    && bytes.at(at) == expectedBytes.at(at))
                    ++at;
                QFAIL(qPrintable(QStringLiteral("%1: %2 differs from the corpus at byte %3 of %4 "
                                                "(%5 delivered): ...%6...")
                                     .arg(user, id)
                                     .arg(at)
                                     .arg(expectedBytes.size())
                                     .arg(bytes.size())
                                     .arg(QString::fromLatin1(bytes.mid(at, 60)))));
            }
        }
        QVERIFY2(got.copies.size() == want.size(),
            qPrintable(QStringLiteral("%1: %2 delivered, %3 expected")
                           .arg(user)
                           .arg(got.copies.size())
                           .arg(want.size())));
    }
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("catchall")), 0);
    for (const char *folder : {"Incoming Mail", "PickUp", "Failed Mail", "BadMail", "tmp"})
        QVERIFY2(QDir(m_dir->filePath(QStringLiteral("spool/") + QLatin1String(folder))).isEmpty(),
            folder);
}

void TestPipeline::rejectedRecipientGoesToBadMail()
{
    const QByteArray message =
        "Message-ID: <ghost@origin.example>\nFrom: x@origin.example\n"
        "To: ghost@office.example, bob@office.example\nSubject: hi\n\nhello\n";
    QVERIFY(m_dovecot.addMessages(QStringLiteral("catchall"), {message}).isEmpty());
    const Run r = daemon(writeConfig(m_dovecot.lmtpPort()));
    QVERIFY2(r.exitCode == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("BadMail")), qPrintable(r.err));
    QCOMPARE(
        delivered(m_dovecot, QStringLiteral("bob")).copies.value("<ghost@origin.example>").size(),
        1);
    const QList<SpooledMessage> bad =
        readSpoolFolder(m_dir->filePath(QStringLiteral("spool/BadMail")));
    QCOMPARE(bad.size(), 1);
    QCOMPARE(Pop3Connector::PickupEnvelope::parse(bad[0].bytes)->recipients,
        QStringList {QStringLiteral("ghost@office.example")});
    // The server's reply word for word, in a sentence of ours (kept as a phrase beside it).
    const QString reason = bad[0].metadata.other.value(QStringLiteral("reason"));
    QVERIFY2(reason.startsWith(
                 QStringLiteral("the local mail server rejected it: ghost@office.example: 550")),
        qPrintable(reason));
    QVERIFY(bad[0].metadata.other.contains(QStringLiteral("reason-phrase")));
}

void TestPipeline::pickupWaitsForLocalServer()
{
    const QList<QByteArray> corpus = makeCorpus({30, 73});
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), corpus).isEmpty());
    const quint16 closed = freePorts(1).first();
    Run r = daemon(writeConfig(closed));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("pop3connectord: delivery: "))
            && r.err.contains(QStringLiteral("wait in PickUp")),
        qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("1052")));
    // Retrieved and routed, waiting: nothing lost, nothing delivered yet.
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);
    QCOMPARE(readSpoolFolder(m_dir->filePath(QStringLiteral("spool/PickUp"))).size(), 30);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);

    // The local server is back: dispatch alone drains PickUp.
    r = daemon(writeConfig(m_dovecot.lmtpPort()),
        {QStringLiteral("--stages"), QStringLiteral("dispatch")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("spool/PickUp"))).isEmpty());
    const Mailbox got = delivered(m_dovecot, QStringLiteral("alice"));
    QVERIFY2(got.problems.isEmpty(), qPrintable(got.problems.join(u'\n')));
    QCOMPARE(got.copies.size(), 30);
    for (const QByteArray &m : corpus)
        QCOMPARE(got.copies.value(messageId(m)), QList<QByteArray> {m});
}

// The messages of a user's Maildir, whole.
static QList<QByteArray> messagesOf(const DovecotFixture &dovecot, const QString &user)
{
    QList<QByteArray> out;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(dovecot.maildir(user) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            file.open(QIODevice::ReadOnly);
            out.append(file.readAll());
        }
    }
    return out;
}

void TestPipeline::headerBytesNeverReachLmtp()
{
    // Issue 11: folded quoted local parts and angle brackets in the catch-all's headers (rule
    // *@office.example -> *@office.example), and in the sender of a user mailbox's message.
    const QList<QByteArray> catchall = {
        "Delivered-To: \"q\n x-receiver: attacker@evil.example\n x-receiver: z\"@office.example\n"
        "Message-ID: <attack1@evil.example>\nFrom: mallory@evil.example\n"
        "To: someone@partner.example\nSubject: one\n\nhello\n",
        "Message-ID: <attack2@evil.example>\nFrom: mallory@evil.example\n"
        "To: \"a>\tRCPT TO:<x\"@office.example\nSubject: two\n\nhello\n",
        "Message-ID: <attack3@evil.example>\nFrom: mallory@evil.example\n"
        "To: bob@office.example, \"c\n x-receiver: attacker@evil.example\"@office.example\n"
        "Subject: three\n\nhello\n",
    };
    const QList<QByteArray> shop = {
        "Return-Path: <>\nMessage-ID: <bounce@isp.example>\n"
        "From: Mail Delivery System <MAILER-DAEMON@isp.example>\nTo: shop@isp.example\n"
        "Subject: Undelivered Mail\n\nsorry\n",
        "Return-Path: <\"x\n RCPT TO:<attacker@evil.example>\"@evil.example>\n"
        "Message-ID: <attack4@evil.example>\n"
        "From: \"y\n RCPT TO:<attacker@evil.example>\"@evil.example\nTo: shop@isp.example\n"
        "Subject: four\n\nhello\n",
    };
    QVERIFY(m_dovecot.addMessages(QStringLiteral("catchall"), catchall).isEmpty());
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), shop).isEmpty());
    const Run r =
        daemon(writeConfig(m_dovecot.lmtpPort(), {}, QStringLiteral("log_level = maximum\n")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // Each attack reached the undeliverable-mail mailbox once; bob his copy; nobody else.
    const Mailbox postmaster = delivered(m_dovecot, QStringLiteral("postmaster"));
    QVERIFY2(postmaster.problems.isEmpty(), qPrintable(postmaster.problems.join(u'\n')));
    QCOMPARE(copiesOf(postmaster, "<attack1@evil.example>"), 1);
    QCOMPARE(copiesOf(postmaster, "<attack2@evil.example>"), 1);
    QCOMPARE(copiesOf(postmaster, "<attack3@evil.example>"), 1);
    QCOMPARE(copiesOf(delivered(m_dovecot, QStringLiteral("bob")), "<attack3@evil.example>"), 1);
    for (const char *folder : {"PickUp", "Failed Mail", "BadMail"})
        QVERIFY2(QDir(m_dir->filePath(QStringLiteral("spool/") + QLatin1String(folder))).isEmpty(),
            folder);

    // The local server was told the reverse-path it shows as Return-Path: <> for the bounce, the
    // undeliverable-mail mailbox for the message without a valid sender.
    const QList<QByteArray> alice = messagesOf(m_dovecot, QStringLiteral("alice"));
    QCOMPARE(alice.size(), 2);
    for (const QByteArray &m : alice) {
        if (m.contains("<bounce@isp.example>"))
            QVERIFY2(m.startsWith("Return-Path: <>\n"), m.left(200).constData());
        else
            QVERIFY2(m.startsWith("Return-Path: <postmaster@office.example>\n"),
                m.left(200).constData());
    }

    // What was said to Dovecot: one path per MAIL and RCPT, never the attacker.
    QFile transcript(m_dir->filePath(QStringLiteral("spool/log/transcripts/delivery.log")));
    QVERIFY(transcript.open(QIODevice::ReadOnly));
    const QByteArray said = transcript.readAll();
    QVERIFY(said.contains(" C: MAIL FROM:<> "));
    QVERIFY(!said.contains("RCPT TO:<attacker"));
    static const QRegularExpression command(QStringLiteral(" C: (MAIL FROM|RCPT TO):"));
    static const QRegularExpression clean(
        QStringLiteral(" C: (MAIL FROM|RCPT TO):<[^\\x00-\\x1f\\x7f<>]*>( [A-Z0-9=]+)*$"));
    int commands = 0;
    for (const QByteArray &line : said.split('\n')) {
        const QString l = QString::fromUtf8(line);
        if (!command.match(l).hasMatch())
            continue;
        ++commands;
        QVERIFY2(clean.match(l).hasMatch(), qPrintable(l));
    }
    QVERIFY(commands >= 10);
    // Events name the refused text with its line breaks escaped, on one line each.
    QVERIFY2(r.err.contains(QStringLiteral("1072")) && r.err.contains(QStringLiteral("1073")),
        qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("\"q\\r\\n x-receiver: attacker@evil.example")));
    for (const QString &line : r.err.split(u'\n'))
        QVERIFY2(!line.trimmed().startsWith(QStringLiteral("x-receiver")), qPrintable(line));
}

void TestPipeline::recipientsBeyondOneTransaction()
{
    // 230 local recipients of one message: three LMTP transactions of one PickUp file, every
    // recipient once, the file gone.
    const QStringList users = crowd();
    for (const QString &u : users)
        m_dovecot.clearMailbox(u);
    QStringList to;
    for (const QString &u : users)
        to.append(u + QStringLiteral("@office.example"));
    const QByteArray message = "Message-ID: <crowd@origin.example>\nFrom: boss@origin.example\nTo: "
        + to.join(QStringLiteral(",\n ")).toUtf8() + "\nSubject: all hands\n\nhello\n";
    QVERIFY(m_dovecot.addMessages(QStringLiteral("catchall"), {message}).isEmpty());
    const Run r =
        daemon(writeConfig(m_dovecot.lmtpPort(), {}, QStringLiteral("log_level = maximum\n")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &u : users)
        QCOMPARE(copiesOf(delivered(m_dovecot, u), "<crowd@origin.example>"), 1);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("spool/PickUp"))).isEmpty());
    QFile transcript(m_dir->filePath(QStringLiteral("spool/log/transcripts/delivery.log")));
    QVERIFY(transcript.open(QIODevice::ReadOnly));
    const QByteArray said = transcript.readAll();
    QCOMPARE(said.count(" C: MAIL FROM:"), qsizetype(3));
    QCOMPARE(said.count(" C: RCPT TO:"), qsizetype(230));
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
