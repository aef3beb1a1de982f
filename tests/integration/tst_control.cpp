// The control channel for real: pop3connectord running as a service against a private Dovecot
// (POP3 and LMTP), administered by pop3connectorctl and by this test's own client. Who may
// connect (another uid is refused; a member of the group is not), what a hostile or careless
// client can do while a cycle runs (nothing to the mail), the commands end to end with their exit
// codes and --json, passwords that travel to the service and never anywhere else, spool actions
// that wait for the stage that holds their folder.
#include "childprocess.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "service/controlclient.h"
#include "service/controlprotocol.h"
#include "serviceprocess.h"
#include "spool/messagemetadata.h"
#include "spool/pickupenvelope.h"

#include <QCborArray>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sys/stat.h>
#include <unistd.h>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

namespace {

const QByteArray kSecret = "Zq-uniq-7781-secret";

// A server that accepts connections and never says a word: a stage talking to it waits for its
// timeout. The connections stay open while it lives (each socket is its child).
class SilentServer : public QTcpServer
{
public:
    SilentServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (nextPendingConnection())
                ++m_accepted;
        });
    }
    int accepted() const { return m_accepted; }

private:
    int m_accepted = 0;
};

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

int modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// The messages in a local user's Maildir, without the fields their delivery added: Message-ID
// -> copies (each must equal the corpus message byte for byte).
QHash<QByteArray, QList<QByteArray>> deliveredTo(
    const DovecotFixture &dovecot, const QString &user, QStringList *problems)
{
    QHash<QByteArray, QList<QByteArray>> out;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(dovecot.maildir(user) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            file.open(QIODevice::ReadOnly);
            QString problem;
            const QByteArray m = withoutDeliveryTrace(file.readAll(), &problem);
            if (m.isEmpty())
                problems->append(f + QStringLiteral(": ") + problem);
            else
                out[messageId(m)].append(m);
        }
    }
    return out;
}

// Empty when `user` received each message of `corpus` exactly once, byte for byte, and nothing
// else; otherwise what differs.
QString receivedExactly(
    const DovecotFixture &dovecot, const QString &user, const QList<QByteArray> &corpus)
{
    QStringList problems;
    const QHash<QByteArray, QList<QByteArray>> got = deliveredTo(dovecot, user, &problems);
    int copies = 0;
    for (const QList<QByteArray> &c : got)
        copies += int(c.size());
    if (copies != corpus.size())
        problems.append(
            QStringLiteral("%1 messages delivered, %2 expected").arg(copies).arg(corpus.size()));
    for (const QByteArray &m : corpus) {
        const QList<QByteArray> c = got.value(messageId(m));
        if (c.size() != 1 || c.first() != m) {
            problems.append(QStringLiteral("%1: %2 copies%3")
                                .arg(QString::fromLatin1(messageId(m)))
                                .arg(c.size())
                                .arg(c.size() == 1 ? QStringLiteral(", different") : QString()));
            break;
        }
    }
    return problems.join(QStringLiteral("; "));
}

QByteArray rawFrame(const QByteArray &payload, qint64 announced = -1)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian(quint32(announced < 0 ? payload.size() : announced), header.data());
    return header + payload;
}

// What a raw connection got back before the service closed it.
struct Exchange
{
    QLocalSocket socket;
    QByteArray received;
    bool closed = false;

    std::optional<Message> lastMessage() const
    {
        FrameDecoder d(kMaxServiceFrame);
        d.append(received);
        std::optional<Message> last;
        for (;;) {
            Result<std::optional<Message>> m = d.next();
            if (!m || !m->has_value())
                return last;
            last = **m;
        }
    }
};

} // namespace

class TestControl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void ctlEndToEnd();
    void passwordTravelsToTheServiceOnly();
    void otherUsersAreRefused();
    void hostileClientsDuringACycle();
    void eventsFollowAsTheyHappen();
    void spoolActionWaitsForTheStage();
    void anotherMtaReadingPickUpGetsItsFormatAtOnce();
    void configurationIsWrittenCheckedAndApplied();
    void setPasswordOfTheDaemonUsesTheService();
    void methodsTheManagerUses();

private:
    QString writeConfig(const QString &connectorExtra = {}, const QString &mailboxes = {},
        quint16 deliveryPort = 0);
    QString shopSection(const QString &extra = {}) const;
    bool startService(const QString &ini) { return m_service.start(ini, socketPath()); }
    void stopService() { m_service.stop(); }
    Ran ctl(const QStringList &args, const QByteArray &input = {}, const QStringList &wrapper = {});
    QJsonObject json(const Ran &r);
    QString socketPath() const { return m_dir->filePath(QStringLiteral("run/control")); }
    QString spoolPath(const QString &sub = {}) const
    {
        return m_dir->filePath(QStringLiteral("spool")) + (sub.isEmpty() ? QString() : u'/' + sub);
    }
    // Writes a message into a spool folder as a stage would have left it.
    QString plantMessage(const QString &folder, const QByteArray &message, bool withEnvelope);
    // The same with its envelope and its sidecar at the top of the file, as the connector writes
    // PickUp (and BadMail) when it delivers PickUp itself.
    QString plantWithHead(const QString &folder, const QByteArray &message);
    QByteArray fileStart(const QString &path, qint64 bytes = 64) const;

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
    ServiceProcess m_service;
    QString m_ini;
    int m_planted = 0;
};

void TestControl::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QString::fromLatin1(kSecret)},
        {QStringLiteral("bob"), QStringLiteral("pw-bob")},
        {QStringLiteral("alice"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestControl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    for (const char *u : {"shop", "bob", "alice"})
        m_dovecot.clearMailbox(QLatin1String(u));
}

void TestControl::cleanup()
{
    stopService();
}

QString TestControl::shopSection(const QString &extra) const
{
    return QStringLiteral("[mailbox.shop]\nhost = 127.0.0.1\nport = %1\nsecurity = starttls\n"
                          "ca_file = %2\nuser = shop\nlocal_mailbox = alice@office.example\n%3\n")
        .arg(m_dovecot.pop3Port())
        .arg(m_dovecot.caFile(), extra);
}

QString TestControl::writeConfig(
    const QString &connectorExtra, const QString &mailboxes, quint16 deliveryPort)
{
    m_ini = m_dir->filePath(QStringLiteral("connector.ini"));
    writeTestFile(m_ini,
        serviceIni(deliveryPort ? deliveryPort : m_dovecot.lmtpPort(), connectorExtra,
            mailboxes.isNull() ? shopSection() : mailboxes)
            .toUtf8());
    return m_ini;
}

Ran TestControl::ctl(const QStringList &args, const QByteArray &input, const QStringList &wrapper)
{
    ChildProcess p;
    QStringList all = wrapper.mid(1) + QStringList {QStringLiteral(P3C_CTL)};
    if (!args.contains(QStringLiteral("--config")))
        all += {QStringLiteral("--config"), m_ini};
    all += args;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(wrapper.isEmpty() ? QStringLiteral(P3C_CTL) : wrapper.first(),
        wrapper.isEmpty() ? all.mid(1) : all);
    p.write(input);
    p.closeWriteChannel();
    // With the event loop running: the test's own client and servers keep working meanwhile.
    if (!finished.wait(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject TestControl::json(const Ran &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << r.out << r.err;
    return doc.object();
}

QString TestControl::plantMessage(
    const QString &folder, const QByteArray &message, bool withEnvelope)
{
    const QString name =
        QStringLiteral("20260101T000000000Z-test-%1").arg(++m_planted, 6, 10, QLatin1Char('0'));
    QByteArray bytes = toWireForm(message);
    if (withEnvelope) {
        const PickupEnvelope e =
            PickupEnvelope::make(MailAddress::parse(u"sender@isp.example").value(),
                {MailAddress::parse(u"alice@office.example").value()});
        bytes.prepend(e.write().value());
    }
    QFile eml(spoolPath(folder) + u'/' + name + QStringLiteral(".eml"));
    eml.open(QIODevice::WriteOnly);
    eml.write(bytes);
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("shop");
    meta.server = QStringLiteral("127.0.0.1");
    meta.user = QStringLiteral("shop");
    meta.uid = "planted-" + name.toLatin1();
    meta.retrieved = QDateTime::currentDateTimeUtc();
    meta.size = message.size();
    QFile sidecar(spoolPath(folder) + u'/' + name + QStringLiteral(".meta"));
    sidecar.open(QIODevice::WriteOnly);
    sidecar.write(meta.serialize());
    return name;
}

QString TestControl::plantWithHead(const QString &folder, const QByteArray &message)
{
    const QString name = plantMessage(folder, message, true);
    const QString base = spoolPath(folder) + u'/' + name;
    QFile sidecar(base + QStringLiteral(".meta"));
    QFile eml(base + QStringLiteral(".eml"));
    if (!sidecar.open(QIODevice::ReadOnly) || !eml.open(QIODevice::ReadWrite))
        return {};
    const std::optional<MessageMetadata> meta = MessageMetadata::parse(sidecar.readAll());
    const QByteArray bytes = meta ? meta->fittingHead() + eml.readAll() : QByteArray();
    if (bytes.isEmpty() || !eml.seek(0) || eml.write(bytes) != bytes.size() || !sidecar.remove())
        return {};
    return name;
}

QByteArray TestControl::fileStart(const QString &path, qint64 bytes) const
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

// Every command, as an administrator and a script use them, with the exit codes the manual gives.
void TestControl::ctlEndToEnd()
{
    const QString bad = m_dir->filePath(QStringLiteral("broken.pw"));
    QFile pw(bad);
    pw.open(QIODevice::WriteOnly);
    pw.write("wrong\n");
    pw.close();
    pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        shopSection()
            + QStringLiteral("[mailbox.broken]\nhost = 127.0.0.1\nport = %1\nsecurity = starttls\n"
                             "ca_file = %2\nuser = bob\npassword_file = %3\n"
                             "local_mailbox = alice@office.example\n")
                  .arg(m_dovecot.pop3Port())
                  .arg(m_dovecot.caFile(), bad));

    // No service yet: 3, and one line saying how to start it.
    Ran r = ctl({QStringLiteral("status")});
    QCOMPARE(r.code, 3);
    QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    QVERIFY2(r.err.contains(QStringLiteral("pop3connectord --config ")), qPrintable(r.err));
    // Bad usage: 2, before any connection.
    for (const QStringList &usage : {QStringList {QStringLiteral("frobnicate")},
             QStringList {QStringLiteral("delivery"), QStringLiteral("sideways")},
             QStringList {QStringLiteral("spool"), QStringLiteral("list")},
             QStringList {QStringLiteral("events"), QStringLiteral("--wait")},
             QStringList {
                 QStringLiteral("set-password"), QStringLiteral("shop"), QStringLiteral("pw")},
             QStringList {}}) {
        r = ctl(usage);
        QVERIFY2(r.code == 2, qPrintable(usage.join(u' ') + QStringLiteral(": ") + r.err));
    }

    QVERIFY(startService(m_ini));
    r = ctl({QStringLiteral("status")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Mailboxes:")) && r.out.contains(QStringLiteral("shop")),
        qPrintable(r.out));
    r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(r.code, 0);
    QJsonObject status = json(r);
    QCOMPARE(status.value(QStringLiteral("pid")).toInteger(), m_service.process()->processId());
    QCOMPARE(status.value(QStringLiteral("mailboxes")).toArray().size(), 2);
    QVERIFY(status.value(QStringLiteral("folders")).toObject().contains(QStringLiteral("badmail")));

    // The shop's password through ctl (from standard input); the service logs in with it.
    const QList<QByteArray> corpus = makeCorpus({40, 91});
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), corpus).isEmpty());
    r = ctl({QStringLiteral("set-password"), QStringLiteral("shop")}, kSecret + '\n');
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(modeOf(spoolPath(QStringLiteral("state/passwords/mailbox%2Fshop"))), 0600);
    // Unknown names and mailboxes with a password file are refused, with the reason.
    r = ctl({QStringLiteral("set-password"), QStringLiteral("nobody")}, "x\n");
    QCOMPARE(r.code, 1);
    r = ctl({QStringLiteral("set-password"), QStringLiteral("broken")}, "x\n");
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("password_file")), qPrintable(r.err));

    // One mailbox, waited for: the cycle's mail is delivered when ctl returns.
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("shop"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(receivedExactly(m_dovecot, QStringLiteral("alice"), corpus), QString());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);
    // All mailboxes: the broken one fails, so 1, with what to do.
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("mailbox broken"))
            && r.out.contains(QStringLiteral("What to do")),
        qPrintable(r.out));
    r = ctl({QStringLiteral("--json"), QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QCOMPARE(r.code, 1);
    const QJsonArray problems = json(r).value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].toObject().value(QStringLiteral("event")).toInt(),
        int(EventId::AuthenticationFailed));
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("nosuchbox")});
    QCOMPARE(r.code, 1);

    // Connection tests, run by the service; the transcript never shows the password.
    r = ctl({QStringLiteral("test"), QStringLiteral("shop")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("S: +OK")));
    QVERIFY(!r.out.contains(QString::fromLatin1(kSecret)));
    r = ctl({QStringLiteral("test"), QStringLiteral("broken")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains(QStringLiteral("What to do")));

    // Delivery stopped: mail waits in PickUp, where the spool commands find it.
    r = ctl({QStringLiteral("delivery"), QStringLiteral("stop")});
    QCOMPARE(r.code, 0);
    r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(json(r).value(QStringLiteral("delivery")).toBool(), false);
    const QList<QByteArray> more = makeCorpus({5, 92});
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), more).isEmpty());
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("shop"), QStringLiteral("--wait")});
    QCOMPARE(r.code, 0);
    r = ctl({QStringLiteral("--json"), QStringLiteral("spool"), QStringLiteral("list"),
        QStringLiteral("pickup")});
    QCOMPARE(r.code, 0);
    const QJsonArray waiting = json(r).value(QStringLiteral("messages")).toArray();
    QCOMPARE(waiting.size(), 5);
    QCOMPARE(json(r).value(QStringLiteral("total")).toInt(), 5);
    const QString first = waiting[0].toObject().value(QStringLiteral("name")).toString();
    const QString second = waiting[1].toObject().value(QStringLiteral("name")).toString();
    r = ctl({QStringLiteral("spool"), QStringLiteral("list"), QStringLiteral("PickUp")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(first));
    r = ctl({QStringLiteral("spool"), QStringLiteral("show"), first});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("Subject:")));
    // Exported as it waits: the message without the PickUp envelope (with the trace line the
    // transfer added), to a private file.
    const QString exported = m_dir->filePath(QStringLiteral("exported.eml"));
    r = ctl({QStringLiteral("spool"), QStringLiteral("export"), first, exported});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile exportedFile(exported);
    QVERIFY(exportedFile.open(QIODevice::ReadOnly));
    const QByteArray exportedBytes = exportedFile.readAll();
    QVERIFY(exportedBytes.startsWith("Received: "));
    bool matches = false;
    for (const QByteArray &m : more)
        matches = matches || exportedBytes.endsWith(toWireForm(m));
    QVERIFY(matches);
    QCOMPARE(modeOf(exported), 0600);
    // An export is an administrator's action like the others: an event says who, and which.
    r = ctl({QStringLiteral("events")});
    QVERIFY2(r.out.contains(QStringLiteral(" 1063 "))
            && r.out.contains(first + u" of PickUp was exported by user root"_qs),
        qPrintable(r.out));
    r = ctl({QStringLiteral("spool"), QStringLiteral("delete"), second});
    QCOMPARE(r.code, 0);
    r = ctl({QStringLiteral("spool"), QStringLiteral("delete"), second});
    QCOMPARE(r.code, 1);
    r = ctl({QStringLiteral("spool"), QStringLiteral("show"),
        QStringLiteral("../state/passwords/mailbox%2Fshop")});
    QCOMPARE(r.code, 1);
    QVERIFY(!r.out.contains(QString::fromLatin1(kSecret)));
    r = ctl({QStringLiteral("spool"), QStringLiteral("list"), QStringLiteral("tmp")});
    QCOMPARE(r.code, 1);

    // A message in Failed Mail requeued while the service runs is routed at once, without
    // waiting for the next cycle (delivery is stopped: it waits in PickUp), and delivered once
    // with the rest.
    const QByteArray failedMessage = makeCorpus({1, 93}).first();
    const QString failedName = plantMessage(QStringLiteral("Failed Mail"), failedMessage, false);
    r = ctl(
        {QStringLiteral("--json"), QStringLiteral("spool"), QStringLiteral("requeue"), failedName});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(!QFile::exists(
        spoolPath(QStringLiteral("Failed Mail/")) + failedName + QStringLiteral(".eml")));
    QTRY_VERIFY_WITH_TIMEOUT(
        QFile::exists(spoolPath(QStringLiteral("PickUp/")) + failedName + QStringLiteral(".eml")),
        10000);
    r = ctl({QStringLiteral("delivery"), QStringLiteral("start")});
    QCOMPARE(r.code, 0);
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("shop"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    // The deleted one never arrives.
    QStringList ignored;
    const auto got = deliveredTo(m_dovecot, QStringLiteral("alice"), &ignored);
    QCOMPARE(got.value(messageId(failedMessage)).size(), 1);
    int total = 0;
    for (const auto &copies : got)
        total += int(copies.size());
    QCOMPARE(total, corpus.size() + more.size() - 1 + 1);

    // The history: ctl events, and the spool actions name who did them.
    r = ctl({QStringLiteral("events")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral(" 1006 ")));
    QVERIFY2(
        r.out.contains(QStringLiteral("1061")) && r.out.contains(QStringLiteral("by user root")),
        qPrintable(r.out));
    r = ctl({QStringLiteral("--json"), QStringLiteral("events")});
    QCOMPARE(r.code, 0);
    QVERIFY(json(r).value(QStringLiteral("events")).toArray().size() > 5);
    r = ctl({QStringLiteral("cancel")});
    QCOMPARE(r.code, 0);
}

// A password set with ctl reaches the service, which logs in with it; it is in the password
// store and nowhere else: no other file the service writes, not its command line or environment,
// not ctl's, not the event history.
void TestControl::passwordTravelsToTheServiceOnly()
{
    writeConfig(QStringLiteral("log_level = maximum\n"));
    QVERIFY(startService(m_ini));
    const QList<QByteArray> corpus = makeCorpus({10, 94});
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), corpus).isEmpty());

    // While ctl waits for the password, the process list does not show it (it is not typed yet,
    // nor ever given as an argument); then it is.
    ChildProcess setter;
    setter.start(QStringLiteral(P3C_CTL),
        {QStringLiteral("--config"), m_ini, QStringLiteral("set-password"),
            QStringLiteral("shop")});
    QVERIFY(setter.waitForStarted());
    QTest::qWait(200);
    const auto processList = [] {
        QProcess ps;
        ps.start(QStringLiteral("ps"), {QStringLiteral("-eo"), QStringLiteral("args")});
        ps.waitForFinished();
        return ps.readAllStandardOutput();
    };
    QVERIFY(processList().contains("set-password shop"));
    setter.write(kSecret + '\n');
    QVERIFY(!processList().contains(kSecret));
    setter.closeWriteChannel();
    QSignalSpy set(&setter, &QProcess::finished);
    QVERIFY(set.wait(30000));
    QCOMPARE(setter.exitCode(), 0);

    const Ran r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(receivedExactly(m_dovecot, QStringLiteral("alice"), corpus), QString());
    QVERIFY(!processList().contains(kSecret));

    // Every file under the test's folder (configuration, spool, events.log, the transcripts of
    // maximum logging): the secret only in its store's file.
    const QString store = spoolPath(QStringLiteral("state/passwords/mailbox%2Fshop"));
    int scanned = 0;
    QDirIterator it(
        m_dir->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path == store || it.fileInfo().isSymLink() || path.endsWith(QStringLiteral("/control")))
            continue;
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QVERIFY2(!f.readAll().contains(kSecret), qPrintable(path));
        ++scanned;
    }
    QVERIFY2(scanned >= 5, qPrintable(QString::number(scanned)));
    QVERIFY(QDir(spoolPath(QStringLiteral("log/transcripts"))).entryList(QDir::Files).size() > 0);
    QFile stored(store);
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), kSecret);
    QCOMPARE(modeOf(store), 0600);
    for (const char *what : {"cmdline", "environ"}) {
        QFile proc(QStringLiteral("/proc/%1/%2")
                       .arg(m_service.process()->processId())
                       .arg(QLatin1String(what)));
        QVERIFY(proc.open(QIODevice::ReadOnly));
        QVERIFY(!proc.readAll().contains(kSecret));
    }
    const Ran events = ctl({QStringLiteral("--json"), QStringLiteral("events")});
    QVERIFY(events.out.contains(QStringLiteral("1113"))
        || events.out.contains(QStringLiteral("\"id\": 1113")));
    QVERIFY(!events.out.toUtf8().contains(kSecret));
}

// Root, the service's user and the administrators' group are answered; another uid is refused
// by the service itself (checked on its socket's credentials), with an event.
void TestControl::otherUsersAreRefused()
{
    // nogroup (65534) is the administrators' group here.
    writeConfig(QStringLiteral("control_group = nogroup\n"));
    QVERIFY(startService(m_ini));
    // The socket is not for everyone.
    QCOMPARE(modeOf(socketPath()) & 0007, 0);
    // The client as another user can read the configuration (so it finds the socket).
    QFile::setPermissions(m_dir->path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther);
    QFile::setPermissions(
        m_ini, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    const QStringList outsider = {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
        QStringLiteral("--regid=65533"), QStringLiteral("--clear-groups")};
    const QStringList member = {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
        QStringLiteral("--regid=65533"), QStringLiteral("--groups=65534")};

    // First the file system keeps the outsider out: the run/ folder is the service's alone.
    Ran r = ctl({QStringLiteral("status")}, {}, outsider);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("may not use the control socket")), qPrintable(r.err));

    // Then, with the folder and the socket opened to everyone, the service itself refuses.
    QVERIFY(
        ::chmod(QFile::encodeName(m_dir->filePath(QStringLiteral("run"))).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(socketPath()).constData(), 0777) == 0);
    r = ctl({QStringLiteral("status")}, {}, outsider);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("may not administer"))
            && r.err.contains(QStringLiteral("adduser")),
        qPrintable(r.err));
    QVERIFY(!r.out.contains(QStringLiteral("Mailboxes")));
    r = ctl({QStringLiteral("set-password"), QStringLiteral("shop")}, "stolen\n", outsider);
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(spoolPath(QStringLiteral("state/passwords/mailbox%2Fshop"))));

    // A member of the group, by a supplementary group, is answered.
    r = ctl({QStringLiteral("status")}, {}, member);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("Mailboxes:")));

    // The refusal is an event naming the user.
    r = ctl({QStringLiteral("events")});
    QVERIFY2(
        r.out.contains(QStringLiteral(" 1110 ")) && r.out.contains(QStringLiteral("uid 65534")),
        qPrintable(r.out));
}

// While a cycle of 1,500 messages runs: garbage, a truncated frame, a 100 MB frame, a request
// before the hello, 200 idle connections and a subscriber that never reads. The service answers
// each bad client with an error and closes it, drops the one that does not read, stays within
// its memory, and the cycle delivers every message exactly once.
void TestControl::hostileClientsDuringACycle()
{
    writeConfig(QStringLiteral("log_level = maximum\ncontrol_backlog_kb = 64\n"),
        shopSection(QStringLiteral("password_file = shop.pw\n")));
    QFile pw(m_dir->filePath(QStringLiteral("shop.pw")));
    pw.open(QIODevice::WriteOnly);
    pw.write(kSecret + '\n');
    pw.close();
    pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    CorpusOptions options;
    options.count = 1500;
    options.seed = 95;
    options.maxBytes = 30000;
    const QList<QByteArray> corpus = makeCorpus(options);
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), corpus).isEmpty());
    QVERIFY(startService(m_ini));

    Client good(QStringLiteral("good"));
    std::optional<CycleOutcome> finished;
    connect(&good, &Client::cycleFinished, this, [&](const CycleOutcome &c) { finished = c; });
    MailboxProgress lastProgress;
    int progressCount = 0;
    connect(&good, &Client::progressReceived, this, [&](const MailboxProgress &p) {
        lastProgress = p;
        ++progressCount;
    });
    QSet<QString> stagesSeen;
    connect(&good, &Client::stageChanged, this, [&](const QString &stage, bool active) {
        stagesSeen.insert(stage + (active ? QStringLiteral(" on") : QStringLiteral(" off")));
    });
    QList<int> pickupCounts;
    connect(&good, &Client::folderChanged, this, [&](SpoolFolder folder, int count) {
        if (folder == SpoolFolder::PickUp)
            pickupCounts.append(count);
    });
    good.connectToService(socketPath());
    good.subscribe(Topic::all());
    QTRY_VERIFY(good.isReady());

    // 200 idle connections: half have said hello, half have not.
    std::vector<std::unique_ptr<Client>> idleClients;
    std::vector<std::unique_ptr<QLocalSocket>> idleSockets;
    for (int i = 0; i < 100; ++i) {
        idleClients.push_back(std::make_unique<Client>(QStringLiteral("idle")));
        idleClients.back()->connectToService(socketPath());
        idleSockets.push_back(std::make_unique<QLocalSocket>());
        idleSockets.back()->connectToServer(socketPath());
    }
    // One that subscribes and never reads again.
    Exchange slow;
    slow.socket.connectToServer(socketPath());
    QVERIFY(slow.socket.waitForConnected(5000));
    slow.socket.write(encodeFrame(Message::hello({})));
    slow.socket.write(encodeFrame(Message::request(1, Method::Subscribe,
        QCborMap {{QStringLiteral("topics"), QCborArray {Topic::Event, Topic::Progress}}})));
    slow.socket.setReadBufferSize(1);
    QTRY_VERIFY(std::all_of(
        idleClients.begin(), idleClients.end(), [](const auto &c) { return c->isReady(); }));

    bool started = false;
    good.request(
        Method::RetrieveNow, {}, this, [&](const Result<QCborMap> &r) { started = r.ok(); });
    QTRY_VERIFY(started);

    // The hostile ones, while the cycle runs.
    std::vector<std::unique_ptr<Exchange>> hostile;
    const auto open = [&](const QByteArray &bytes, bool hello) {
        auto e = std::make_unique<Exchange>();
        connect(&e->socket, &QLocalSocket::readyRead, this,
            [x = e.get()] { x->received += x->socket.readAll(); });
        connect(&e->socket, &QLocalSocket::disconnected, this, [x = e.get()] { x->closed = true; });
        e->socket.connectToServer(socketPath());
        if (hello)
            e->socket.write(encodeFrame(Message::hello({})));
        e->socket.write(bytes);
        hostile.push_back(std::move(e));
    };
    open(QByteArray("\x00\x00\x00\x10garbage garbage!", 20), false);
    open(QByteArray(4096, '\xff'), true);
    open(rawFrame(QCborValue(QCborMap {{QStringLiteral("type"), QStringLiteral("request")}})
                      .toCbor()
                      .chopped(2)),
        true);
    open(rawFrame(QByteArray(8 * 1024 * 1024, 'x'), 100 * 1024 * 1024), true); // a 100 MB frame
    open(encodeFrame(Message::request(1, Method::Status)), false); // before the hello
    open(rawFrame(
             QCborValue(QCborMap {{QStringLiteral("type"), QStringLiteral("launch")}}).toCbor()),
        true);
    // A truncated frame whose sender goes away.
    {
        QLocalSocket quitter;
        quitter.connectToServer(socketPath());
        QVERIFY(quitter.waitForConnected(5000));
        quitter.write(encodeFrame(Message::hello({})) + rawFrame(QByteArray(10, 'x'), 100));
        quitter.waitForBytesWritten(1000);
    }

    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 300000);
    QVERIFY2(finished->succeeded(),
        qPrintable(finished->problems.isEmpty() ? QString() : finished->problems.first().text));
    QCOMPARE(receivedExactly(m_dovecot, QStringLiteral("alice"), corpus), QString());
    // The good subscriber saw it all happen: the mailbox's progress to its end (each mailbox's
    // latest at most ten times a second, not one notification per message), every stage begin
    // and end, PickUp fill up.
    QCOMPARE(lastProgress.mailbox, QStringLiteral("shop"));
    QCOMPARE(lastProgress.messagesDone, 1500);
    QVERIFY2(progressCount > 1 && progressCount < 1500, qPrintable(QString::number(progressCount)));
    for (const char *s : {"download on", "download off", "transfer on", "transfer off",
             "dispatch on", "dispatch off"})
        QVERIFY2(stagesSeen.contains(QLatin1String(s)), s);
    QVERIFY(!pickupCounts.isEmpty());
    QVERIFY(*std::max_element(pickupCounts.begin(), pickupCounts.end()) > 0);

    // Each hostile client got a protocol error and was closed.
    for (const auto &e : hostile) {
        QTRY_VERIFY(e->closed || e->socket.state() == QLocalSocket::UnconnectedState);
        e->received += e->socket.readAll();
        const std::optional<Message> last = e->lastMessage();
        QVERIFY2(last && last->type == Type::Error, e->received.left(200).toHex().constData());
    }
    // The slow one was dropped, and said so.
    slow.socket.setReadBufferSize(0);
    QTRY_VERIFY_WITH_TIMEOUT(slow.socket.state() == QLocalSocket::UnconnectedState
            || (slow.socket.readAll(), slow.socket.state() == QLocalSocket::UnconnectedState),
        20000);
    std::optional<QCborArray> events;
    good.request(Method::Events, QCborMap {{QStringLiteral("limit"), 10000}}, this,
        [&](const Result<QCborMap> &r) { events = r->value(QStringLiteral("events")).toArray(); });
    QTRY_VERIFY(events.has_value());
    int dropped = 0;
    for (const QCborValue &e : *events)
        dropped += eventFromCbor(e.toMap()).id == EventId::ControlClientDropped;
    QCOMPARE(dropped, 1);
    // The idle ones that said hello are still there; the service still answers.
    QVERIFY(std::all_of(
        idleClients.begin(), idleClients.end(), [](const auto &c) { return c->isReady(); }));
    bool answered = false;
    good.request(Method::Status, {}, this, [&](const Result<QCborMap> &r) { answered = r.ok(); });
    QTRY_VERIFY(answered);
    // Nothing of the 100 MB was kept.
    QFile status(QStringLiteral("/proc/%1/status").arg(m_service.process()->processId()));
    QVERIFY(status.open(QIODevice::ReadOnly));
    const QByteArray text = status.readAll();
    const qsizetype at = text.indexOf("VmHWM:");
    const qint64 peakKb =
        text.mid(at + 6, text.indexOf('\n', at) - at - 6).trimmed().split(' ').first().toLongLong();
    qInfo("service's peak memory: %lld MB", peakKb / 1024);
    QVERIFY2(peakKb < 200 * 1024, qPrintable(QString::number(peakKb)));
}

// ctl events --follow prints each event as it happens.
void TestControl::eventsFollowAsTheyHappen()
{
    writeConfig();
    QVERIFY(startService(m_ini));
    ChildProcess follow;
    follow.start(QStringLiteral(P3C_CTL),
        {QStringLiteral("--config"), m_ini, QStringLiteral("--json"), QStringLiteral("events"),
            QStringLiteral("--follow")});
    QVERIFY(follow.waitForStarted());
    QByteArray lines;
    connect(&follow, &QProcess::readyReadStandardOutput, this,
        [&] { lines += follow.readAllStandardOutput(); });
    // The history first (the service's start).
    QTRY_VERIFY_WITH_TIMEOUT(lines.contains("\"id\":1000"), 10000);
    QVERIFY(!lines.contains("\"id\":1006"));
    const Ran r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 1 || r.code == 0, qPrintable(r.err));
    // The cycle's end, while ctl still follows.
    QTRY_VERIFY_WITH_TIMEOUT(lines.contains("\"id\":1006"), 10000);
    QCOMPARE(follow.state(), QProcess::Running);
    for (const QByteArray &line : lines.trimmed().split('\n'))
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    follow.terminate();
    QSignalSpy ended(&follow, &QProcess::finished);
    QVERIFY(follow.state() == QProcess::NotRunning || ended.wait(10000));
    QCOMPARE(follow.exitCode(), 0);
}

// A requeue from BadMail waits while delivery works on PickUp and BadMail (here a local server
// that accepts the connection and never answers), and runs as soon as delivery has ended.
void TestControl::spoolActionWaitsForTheStage()
{
    SilentServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    writeConfig(QStringLiteral("timeout_seconds = 3\n"), QStringLiteral(""), silent.serverPort());
    QVERIFY(startService(m_ini));
    const QList<QByteArray> messages = makeCorpus({2, 96});
    plantMessage(QStringLiteral("PickUp"), messages[0], true);
    const QString bad = plantMessage(QStringLiteral("BadMail"), messages[1], true);

    Client client(QStringLiteral("watcher"));
    QElapsedTimer clock;
    clock.start();
    qint64 dispatchBegan = -1, dispatchEnded = -1;
    connect(&client, &Client::stageChanged, this, [&](const QString &stage, bool active) {
        if (stage == u"dispatch")
            (active ? dispatchBegan : dispatchEnded) = clock.elapsed();
    });
    client.connectToService(socketPath());
    client.subscribe({Topic::Stage});
    QTRY_VERIFY(client.isReady());
    client.request(Method::RetrieveNow, {}, this, [](const Result<QCborMap> &) {});
    QTRY_VERIFY_WITH_TIMEOUT(dispatchBegan >= 0, 10000);
    QVERIFY(dispatchEnded < 0);

    const Ran r =
        ctl({QStringLiteral("--json"), QStringLiteral("spool"), QStringLiteral("requeue"), bad});
    const qint64 answered = clock.elapsed();
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(dispatchEnded >= 0);
    QVERIFY2(answered >= dispatchEnded,
        qPrintable(QStringLiteral("%1 %2").arg(answered).arg(dispatchEnded)));
    const qint64 waited = json(r).value(QStringLiteral("waitedMs")).toInteger();
    qInfo("the requeue waited %lld ms for delivery to end", waited);
    QVERIFY(waited >= 1000);
    QVERIFY(QFile::exists(spoolPath(QStringLiteral("PickUp/")) + bad + QStringLiteral(".eml")));
    QVERIFY(!QFile::exists(spoolPath(QStringLiteral("BadMail/")) + bad + QStringLiteral(".eml")));
}

// With transport = pickup another mail server takes the files from PickUp as soon as they are
// there. Files the connector wrote in its own format while it delivered PickUp itself (its
// sidecar at the top) are rewritten for that server when the service starts, and a BadMail file
// requeued is checked and rewritten before it enters PickUp: not left for the next transfer,
// which may be hours away. Here a cycle hangs on a silent POP3 server meanwhile, so that no
// transfer runs while the requeue is checked.
void TestControl::anotherMtaReadingPickUpGetsItsFormatAtOnce()
{
    SilentServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    writeConfig(QStringLiteral("timeout_seconds = 30\n"),
        QStringLiteral("[mailbox.slow]\nhost = 127.0.0.1\nport = %1\nsecurity = none\n"
                       "user = slow\npassword_file = %2\nlocal_mailbox = alice@office.example\n")
            .arg(silent.serverPort())
            .arg(m_dir->filePath(QStringLiteral("pw"))));
    QVERIFY(writeTestFile(m_dir->filePath(QStringLiteral("pw")), "pw\n", true));
    QFile ini(m_ini);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QByteArray text = ini.readAll();
    ini.close();
    QVERIFY(text.contains("transport = lmtp\n"));
    text.replace("transport = lmtp\n", "transport = pickup\n");
    QVERIFY(writeTestFile(m_ini, text));
    QVERIFY(startService(m_ini)); // makes the spool's folders
    stopService();
    const QList<QByteArray> messages = makeCorpus({3, 97});
    const QString waiting = plantWithHead(QStringLiteral("PickUp"), messages[0]);
    const QString bad = plantWithHead(QStringLiteral("BadMail"), messages[1]);
    const QString unreadable = plantMessage(QStringLiteral("BadMail"), messages[2], false);
    QVERIFY(!waiting.isEmpty() && !bad.isEmpty());
    const QString pickUp = spoolPath(QStringLiteral("PickUp/"));
    QVERIFY(fileStart(pickUp + waiting + QStringLiteral(".eml"))
                .startsWith("POP3-Connector-Sidecar: "));
    // What the other server must find: the envelope, then the message, nothing of ours.
    const auto pickupFormat = [](const QByteArray &message) {
        return PickupEnvelope::make(MailAddress::parse(u"sender@isp.example").value(),
                   {MailAddress::parse(u"alice@office.example").value()})
                   .write()
                   .value()
            + toWireForm(message);
    };
    const auto whole = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };

    QVERIFY(startService(m_ini));
    QCOMPARE(whole(pickUp + waiting + QStringLiteral(".eml")), pickupFormat(messages[0]));
    QVERIFY(QFile::exists(pickUp + waiting + QStringLiteral(".meta")));

    Client client(QStringLiteral("watcher"));
    bool downloading = false;
    int transfers = 0;
    connect(&client, &Client::stageChanged, this, [&](const QString &stage, bool active) {
        if (stage == u"download")
            downloading = active;
        if (stage == u"transfer" && active)
            ++transfers;
    });
    client.connectToService(socketPath());
    client.subscribe({Topic::Stage});
    QTRY_VERIFY(client.isReady());
    client.request(Method::RetrieveNow, {}, this, [](const Result<QCborMap> &) {});
    QTRY_VERIFY_WITH_TIMEOUT(downloading && silent.accepted() > 0, 10000);
    QTest::qWait(200); // a transfer at the cycle's start is over
    transfers = 0;

    const Ran r =
        ctl({QStringLiteral("--json"), QStringLiteral("spool"), QStringLiteral("requeue"), bad});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(downloading);
    QCOMPARE(transfers, 0);
    QCOMPARE(whole(pickUp + bad + QStringLiteral(".eml")), pickupFormat(messages[1]));
    QFile sidecar(pickUp + bad + QStringLiteral(".meta"));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const std::optional<MessageMetadata> meta = MessageMetadata::parse(sidecar.readAll());
    QVERIFY(meta);
    QCOMPARE(meta->mailbox, QStringLiteral("shop"));
    QCOMPARE(meta->messageOffset, qint64(0));

    // No envelope the other server could read: refused, and it stays where it is.
    const Ran refused = ctl(
        {QStringLiteral("--json"), QStringLiteral("spool"), QStringLiteral("requeue"), unreadable});
    QVERIFY2(refused.code != 0, qPrintable(refused.out));
    QVERIFY2((refused.out + refused.err).contains(QStringLiteral("stays in BadMail")),
        qPrintable(refused.out + refused.err));
    QVERIFY(
        QFile::exists(spoolPath(QStringLiteral("BadMail/")) + unreadable + QStringLiteral(".eml")));
    QVERIFY(!QFile::exists(pickUp + unreadable + QStringLiteral(".eml")));
}

// The configuration through the channel: read; a wrong one refused with its problems and the
// file left alone; a right one written whole, with its mode, and applied without a restart.
void TestControl::configurationIsWrittenCheckedAndApplied()
{
    writeConfig();
    QFile::setPermissions(
        m_ini, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    QVERIFY(startService(m_ini));
    Client client(QStringLiteral("config"));
    client.connectToService(socketPath());
    std::optional<QCborMap> reply;
    const auto ask = [&](const QString &method, const QCborMap &params) {
        reply.reset();
        client.request(method, params, this, [&](const Result<QCborMap> &r) {
            reply = r ? *r : QCborMap {{QStringLiteral("error"), r.error().message}};
        });
        return QTest::qWaitFor([&] { return reply.has_value(); }, 30000);
    };
    QVERIFY(ask(Method::Configuration, {}));
    const QString text = reply->value(QStringLiteral("text")).toString();
    QVERIFY(text.contains(QStringLiteral("[mailbox.shop]")));
    QCOMPARE(reply->value(QStringLiteral("problems")).toArray().size(), 0);

    QVERIFY(ask(Method::SetConfiguration,
        QCborMap {{QStringLiteral("text"), text + QStringLiteral("colour = blue\n")}}));
    QCOMPARE(reply->value(QStringLiteral("written")).toBool(), false);
    const QCborArray problems = reply->value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0]
                .toMap()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("colour")));
    QVERIFY(problems[0].toMap().value(QStringLiteral("text")).toString().startsWith(m_ini));
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), text);
    f.close();

    QString changed = text;
    changed.replace(QStringLiteral("schedule_enabled = false"),
        QStringLiteral(
            "schedule_enabled = false\ninterval_minutes = 42\n; changed through the channel"));
    QVERIFY(ask(Method::SetConfiguration, QCborMap {{QStringLiteral("text"), changed}}));
    QCOMPARE(reply->value(QStringLiteral("written")).toBool(), true);
    QCOMPARE(reply->value(QStringLiteral("applied")).toString(), QStringLiteral("now"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), changed); // comments and all
    QCOMPARE(modeOf(m_ini), 0640);
    QVERIFY(!QFile::exists(m_ini + QStringLiteral(".new")));
    QVERIFY(ask(Method::Status, {}));
    QCOMPARE(reply->value(QStringLiteral("intervalMinutes")).toInteger(), 42);
    // The service runs on: the same process, a cycle still works.
    const Ran r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
    QCOMPARE(json(r).value(QStringLiteral("pid")).toInteger(), m_service.process()->processId());
    const Ran events = ctl({QStringLiteral("events")});
    QVERIFY2(events.out.contains(QStringLiteral(" 1112 ")), qPrintable(events.out));
}

// pop3connectord --set-password hands the password to the running service; with none, it writes
// the store that service would read.
void TestControl::setPasswordOfTheDaemonUsesTheService()
{
    writeConfig();
    QVERIFY(startService(m_ini));
    const auto daemonSet = [this](const QByteArray &password) {
        ChildProcess p;
        p.start(QStringLiteral(P3C_DAEMON),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--set-password"),
                QStringLiteral("shop")});
        p.write(password + '\n');
        p.closeWriteChannel();
        QSignalSpy done(&p, &QProcess::finished);
        done.wait(30000);
        return Ran {p.exitCode(), {}, QString::fromUtf8(p.readAllStandardError())};
    };
    Ran r = daemonSet(kSecret);
    QVERIFY2(r.code == 0 && r.err.contains(QStringLiteral("running service")), qPrintable(r.err));
    const Ran events = ctl({QStringLiteral("events")});
    QVERIFY(events.out.contains(QStringLiteral(" 1113 ")));
    stopService();

    r = daemonSet("offline-pw");
    QVERIFY2(r.code == 0 && !r.err.contains(QStringLiteral("running service")), qPrintable(r.err));
    QFile stored(spoolPath(QStringLiteral("state/passwords/mailbox%2Fshop")));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), QByteArray("offline-pw"));
}

// What the manager asks for besides ctl's commands: diagnostics, clearing a password, sending a
// message to the undeliverable-mail mailbox, the spool through the client library; and what an
// older service says to a newer client.
void TestControl::methodsTheManagerUses()
{
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"));
    QVERIFY(startService(m_ini));
    Client client(QStringLiteral("manager-to-be"));
    client.connectToService(socketPath());
    std::optional<Result<QCborMap>> reply;
    const auto ask = [&](const QString &method, const QCborMap &params) {
        reply.reset();
        client.request(method, params, this, [&](const Result<QCborMap> &r) { reply = r; });
        return QTest::qWaitFor([&] { return reply.has_value(); }, 30000);
    };
    const auto passwordFound = [&] {
        if (!ask(Method::Diagnostics, {}) || !reply->ok())
            return QStringLiteral("no answer");
        const QCborArray passwords = reply->value().value(QStringLiteral("passwords")).toArray();
        if (passwords.size() != 1)
            return QStringLiteral("%1 passwords").arg(passwords.size());
        const QCborMap p = passwords[0].toMap();
        return p.value(QStringLiteral("found")).toBool()
            ? QStringLiteral("found")
            : p.value(QStringLiteral("problem")).toString();
    };
    QVERIFY(passwordFound().contains(QStringLiteral("--set-password shop")));
    QVERIFY(ask(Method::SetPassword,
        QCborMap {{QStringLiteral("key"), QStringLiteral("shop")},
            {QStringLiteral("secret"), QString::fromLatin1(kSecret)}}));
    QVERIFY(reply->ok());
    QCOMPARE(passwordFound(), QStringLiteral("found"));
    QVERIFY(!reply->value().toCborValue().toDiagnosticNotation().contains(
        QString::fromLatin1(kSecret)));
    QVERIFY(ask(Method::ClearPassword, QCborMap {{QStringLiteral("key"), QStringLiteral("shop")}}));
    QVERIFY(reply->ok());
    QVERIFY(passwordFound() != QStringLiteral("found"));
    QVERIFY(!QFile::exists(spoolPath(QStringLiteral("state/passwords/mailbox%2Fshop"))));
    QVERIFY(ask(Method::Diagnostics, {}));
    const QCborMap control = reply->value().value(QStringLiteral("control")).toMap();
    QCOMPARE(control.value(QStringLiteral("socket")).toString(), socketPath());

    // An unreadable message in BadMail goes to the undeliverable-mail mailbox as an attachment.
    const QString bad = plantMessage(QStringLiteral("BadMail"), makeCorpus({1, 97}).first(), true);
    QVERIFY(
        ask(Method::SpoolList, QCborMap {{QStringLiteral("folder"), QStringLiteral("badmail")}}));
    QCOMPARE(reply->value().value(QStringLiteral("total")).toInteger(), 1);
    const MessageSummary listed =
        summaryFromCbor(reply->value().value(QStringLiteral("messages")).toArray().first().toMap());
    QCOMPARE(listed.name, bad);
    QCOMPARE(listed.folder, SpoolFolder::BadMail);
    QVERIFY(ask(
        Method::SpoolSendToUndeliverable, QCborMap {{QStringLiteral("names"), QCborArray {bad}}}));
    QVERIFY(reply->ok());
    QCOMPARE(reply->value().value(QStringLiteral("failed")).toInteger(), 0);
    QVERIFY(!QFile::exists(spoolPath(QStringLiteral("BadMail/")) + bad + QStringLiteral(".eml")));
    QCOMPARE(
        QDir(spoolPath(QStringLiteral("PickUp"))).entryList({QStringLiteral("*.eml")}).size(), 1);

    // A method of a later version: a failed reply, and the connection stays.
    QVERIFY(ask(QStringLiteral("launchRocket"), {}));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().code, ErrorCode::InvalidInput);
    QVERIFY(ask(Method::Subscribe,
        QCborMap {{QStringLiteral("topics"), QCborArray {QStringLiteral("weather")}}}));
    QCOMPARE(reply->error().code, ErrorCode::InvalidInput);
    QVERIFY(ask(Method::Status, {}));
    QVERIFY(reply->ok());
    QVERIFY(ask(Method::Events, QCborMap {{QStringLiteral("limit"), 1000}}));
    bool wrapped = false;
    for (const QCborValue &e : reply->value().value(QStringLiteral("events")).toArray())
        wrapped = wrapped || eventFromCbor(e.toMap()).id == EventId::MessageWrapped;
    QVERIFY(wrapped);
}

QTEST_GUILESS_MAIN(TestControl)
#include "tst_control.moc"
