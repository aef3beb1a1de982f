// The troubleshooter against the real conditions it names: a private Dovecot (POP3 with STLS,
// LMTP) with a wrong password, its ports closed, a recipient it does not know; TLS servers with
// an expired certificate and one expiring soon, made here with openssl; a spool with a folder
// missing and a message renamed by "an antivirus"; two entries on one account. Then
// pop3connectorctl diagnose against a running service: exit 0, 1, 2 and 3.
#include "childprocess.h"
#include "diagnosis/spoolchecks.h"
#include "diagnosis/troubleshooter.h"
#include "dovecotfixture.h"
#include "memorysecretstore.h"
#include "serviceprocess.h"
#include "smallfilesystem.h"
#include "spool/spool.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Pop3Connector;

namespace {

const QString kPassword = QStringLiteral("Shop-pw-4417");
const QString kWrong = QStringLiteral("Wrong-pw-9932");

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

Ran run(const QString &program, const QStringList &args, const QString &locale = {})
{
    ChildProcess p;
    if (!locale.isEmpty())
        p.setProcessEnvironment(environmentInLocale(locale));
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (!finished.wait(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QString findingsText(const DiagnosisReport &r)
{
    return DiagnosisText::format(r, true);
}

} // namespace

class TestTroubleshooter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void healthyMailboxThenWrongPassword();
    void connectionThatNobodyAnswersTimesOut();
    void certificateExpiredAndExpiringSoon();
    void spoolFolderMissingAndFileRenamed();
    void rejectedRecipientAndTwoEntriesOnOneAccount();
    void deliveryOverStartTls();
    void nearlyFullDisk();
    void spoolFileSystemWithoutAJournal();
    void fullMailboxIsAQuotaProblem();
    void ctlExitCodes();
    void dovecotStopped(); // last: it stops the fixture

private:
    QString mailbox(const QString &name, quint16 port, const QString &extra = {}) const;
    QString writeConfig(const QString &connectorExtra, const QString &mailboxes);
    void replaceInConfig(const QString &before, const QString &after);
    void writePassword(const QString &password);
    DiagnosisReport diagnose();
    // Lists on 127.0.0.1 with TLS, a certificate for 127.0.0.1 signed by the fixture's CA,
    // valid for `days` (negative: expired that many days ago). Returns its port.
    quint16 tlsServer(int days);
    bool startService()
    {
        return m_service.start(m_ini, m_dir->filePath(QStringLiteral("run/control")));
    }
    void stopService() { m_service.stop(); }

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SmallFileSystem> m_disk; // mounted on m_dir (root only)
    QString m_ini;
    std::unique_ptr<QSslServer> m_tls;
    ServiceProcess m_service;
};

void TestTroubleshooter::initTestCase()
{
    // "full" has a quota of 1 KB, which one message uses up.
    const QString error = m_dovecot.start(
        {{QStringLiteral("shop"), kPassword}, {QStringLiteral("alice"), QStringLiteral("x")},
            {QStringLiteral("full"), QStringLiteral("x")}},
        {{QStringLiteral("full"), 1}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTroubleshooter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (::geteuid() == 0) {
        // The spool on the disk of an office server, a journaled ext4 with room to spare: the
        // healthy cases are healthy whatever file system holds the test's temporary folder.
        m_disk = std::make_unique<SmallFileSystem>(
            4LL << 30, SmallFileSystem::Kind::Ext4, m_dir->path());
        QVERIFY2(m_disk->error().isEmpty(), qPrintable(m_disk->error()));
    }
    m_dovecot.clearMailbox(QStringLiteral("shop"));
    writePassword(kPassword);
    QVERIFY(Spool(m_dir->filePath(QStringLiteral("spool"))).prepare().ok());
}

// Without root the spool stays on the test's temporary folder: its file system may be one the
// spool check warns of (tmpfs, ext4 without a journal), and then no case is healthy.
static bool onAnOfficeDisk(const QString &spool)
{
    const SpoolFacts facts = SpoolChecks::gather(Spool(spool));
    for (const Finding &f : SpoolChecks::evaluate(facts, 15, QDateTime::currentDateTimeUtc())) {
        if (f.id == u"spool.file-system" && f.verdict != Verdict::Pass)
            return false;
    }
    return true;
}

void TestTroubleshooter::cleanup()
{
    stopService();
    m_tls.reset();
    m_disk.reset();
}

QString TestTroubleshooter::mailbox(const QString &name, quint16 port, const QString &extra) const
{
    return QStringLiteral("[mailbox.%1]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\n"
                          "ca_file = %3\nuser = shop\npassword_file = pw\n"
                          "local_mailbox = alice@office.example\n%4\n")
        .arg(name)
        .arg(port)
        .arg(m_dovecot.caFile(), extra);
}

QString TestTroubleshooter::writeConfig(const QString &connectorExtra, const QString &mailboxes)
{
    m_ini = m_dir->filePath(QStringLiteral("connector.ini"));
    writeTestFile(m_ini,
        serviceIni(m_dovecot.lmtpPort(), QStringLiteral("timeout_seconds = 5\n") + connectorExtra,
            mailboxes)
            .toUtf8());
    return m_ini;
}

void TestTroubleshooter::replaceInConfig(const QString &before, const QString &after)
{
    QFile f(m_ini);
    f.open(QIODevice::ReadOnly);
    const QString text = QString::fromUtf8(f.readAll()).replace(before, after);
    f.close();
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
}

void TestTroubleshooter::writePassword(const QString &password)
{
    QFile f(m_dir->filePath(QStringLiteral("pw")));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    f.write(password.toUtf8() + '\n');
}

DiagnosisReport TestTroubleshooter::diagnose()
{
    const ConfigLoadResult loaded = ConfigurationFile::load(m_ini);
    if (!loaded.ok()) {
        qWarning() << loaded.problems.first().toString();
        return {};
    }
    MemorySecretStore secrets;
    Troubleshooter t({loaded.configuration, &secrets, false, {}});
    QSignalSpy finished(&t, &Troubleshooter::finished);
    t.start();
    if (!finished.wait(90000))
        return {};
    return finished.first().first().value<DiagnosisReport>();
}

quint16 TestTroubleshooter::tlsServer(int days)
{
    const QString ssl = m_dovecot.root() + QStringLiteral("/ssl/");
    const QString key = m_dir->filePath(QStringLiteral("leaf.key"));
    const QString csr = m_dir->filePath(QStringLiteral("leaf.csr"));
    const QString pem = m_dir->filePath(QStringLiteral("leaf.pem"));
    const QString ext = m_dir->filePath(QStringLiteral("leaf.ext"));
    QFile e(ext);
    e.open(QIODevice::WriteOnly);
    e.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    e.close();
    Ran r = run(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (r.code != 0)
        return 0;
    // -days -1: valid from now until yesterday, that is expired.
    r = run(QStringLiteral("openssl"),
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
            QStringLiteral("-CA"), ssl + QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
            ssl + QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
            QStringLiteral("-out"), pem, QStringLiteral("-days"), QString::number(days),
            QStringLiteral("-extfile"), ext});
    if (r.code != 0) {
        qWarning() << r.err;
        return 0;
    }
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate::fromPath(pem).value(0));
    QFile k(key);
    k.open(QIODevice::ReadOnly);
    conf.setPrivateKey(QSslKey(&k, QSsl::Ec));
    m_tls = std::make_unique<QSslServer>();
    m_tls->setSslConfiguration(conf);
    return m_tls->listen(QHostAddress::LocalHost) ? m_tls->serverPort() : 0;
}

void TestTroubleshooter::healthyMailboxThenWrongPassword()
{
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {"Subject: a\n\nhello\n"}).isEmpty());
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    DiagnosisReport r = diagnose();
    const QString shop = QStringLiteral("shop");
    for (const char *id : {"mailbox.dns", "mailbox.connect", "mailbox.tls", "mailbox.certificate",
             "mailbox.greeting", "mailbox.capa", "mailbox.login", "mailbox.stat"}) {
        const Finding *f = r.finding(QLatin1String(id), shop);
        QVERIFY2(f, id);
        QVERIFY2(f->verdict == Verdict::Pass, qPrintable(findingsText(r)));
    }
    QVERIFY(r.finding(QStringLiteral("mailbox.stat"), shop)->title.english().contains(u'1'));
    QCOMPARE(r.finding(QStringLiteral("delivery.recipient"))->verdict, Verdict::Pass);
    QCOMPARE(r.finding(QStringLiteral("config.password"))->verdict, Verdict::Pass);

    writePassword(kWrong);
    r = diagnose();
    const Finding *login = r.finding(QStringLiteral("mailbox.login"), shop);
    QVERIFY2(login && login->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(!login->fix.isEmpty());
    QVERIFY(!r.finding(QStringLiteral("mailbox.stat"), shop)); // not reached
    QCOMPARE(r.worst(), Verdict::Fail);
    // The transcript is attached, and the password is not in it.
    const QStringList transcript = r.sections.value(1).transcript;
    QVERIFY2(transcript.join(u'\n').contains(QStringLiteral("C: ")), qPrintable(findingsText(r)));
    QVERIFY(!findingsText(r).contains(kWrong));
    QVERIFY(!QJsonDocument(QCborValue(toCbor(r)).toJsonValue().toObject())
                 .toJson()
                 .contains(kWrong.toUtf8()));
}

void TestTroubleshooter::connectionThatNobodyAnswersTimesOut()
{
    // A listener whose queue (backlog 0) is full drops every further SYN, as a filtering
    // firewall does: the connection neither succeeds nor is refused.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof a;
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0);
    QVERIFY(::listen(fd, 0) == 0);
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length) == 0);
    const quint16 port = ntohs(a.sin_port);
    QTcpSocket filler;
    filler.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(filler.waitForConnected(2000));

    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), port));
    replaceInConfig(QStringLiteral("timeout_seconds = 5"), QStringLiteral("timeout_seconds = 2"));
    const DiagnosisReport r = diagnose();
    const Finding *connect = r.finding(QStringLiteral("mailbox.connect"), QStringLiteral("shop"));
    QVERIFY2(connect && connect->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY2(connect->title.english().contains(QStringLiteral("did not answer within 2 second")),
        qPrintable(connect->title.english()));
    QVERIFY(connect->fix.english().contains(QStringLiteral("firewall")));
}

void TestTroubleshooter::certificateExpiredAndExpiringSoon()
{
    const QString name = QStringLiteral("tls");
    const auto sectionFor = [&](quint16 port) {
        writeConfig({},
            mailbox(name, port)
                .replace(QStringLiteral("security = starttls"), QStringLiteral("security = tls")));
        return diagnose();
    };
    quint16 port = tlsServer(-1);
    QVERIFY(port);
    DiagnosisReport r = sectionFor(port);
    const Finding *c = r.finding(QStringLiteral("mailbox.certificate"), name);
    QVERIFY2(c, qPrintable(findingsText(r)));
    QCOMPARE(c->verdict, Verdict::Fail);
    QVERIFY2(
        c->title.english().contains(QStringLiteral("expired")), qPrintable(c->title.english()));
    QVERIFY(c->evidence.english().contains(QStringLiteral("POP3 Connector Test CA")));

    port = tlsServer(9);
    QVERIFY(port);
    r = sectionFor(port);
    c = r.finding(QStringLiteral("mailbox.certificate"), name);
    QVERIFY2(c, qPrintable(findingsText(r)));
    QCOMPARE(c->verdict, Verdict::Warning);
    QVERIFY2(
        c->title.english().contains(QStringLiteral("expires in")), qPrintable(c->title.english()));
}

void TestTroubleshooter::spoolFolderMissingAndFileRenamed()
{
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    const Spool spool(m_dir->filePath(QStringLiteral("spool")));
    if (!onAnOfficeDisk(spool.root()))
        QSKIP("the temporary folder's file system is not one an office server keeps mail on");
    DiagnosisReport r = diagnose();
    for (const Finding &f : r.section(DiagnosisSection::Stage::Spool).findings)
        QVERIFY2(f.verdict == Verdict::Pass, qPrintable(findingsText(r)));

    QVERIFY(QDir(spool.folderPath(SpoolFolder::PickUp)).removeRecursively());
    const QString name = Spool::newMessageName();
    QFile eml(spool.messagePath(SpoolFolder::Incoming, name));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write("Subject: x\r\n\r\nx\r\n");
    eml.close();
    QFile meta(spool.metaPath(SpoolFolder::Incoming, name));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.close();
    // What an antivirus does.
    QVERIFY(eml.rename(eml.fileName() + QStringLiteral(".quarantined")));

    r = diagnose();
    const QList<Finding> &findings = r.section(DiagnosisSection::Stage::Spool).findings;
    const auto failed = std::find_if(findings.begin(), findings.end(),
        [](const Finding &f) { return f.id == u"spool.folder" && f.verdict == Verdict::Fail; });
    QVERIFY2(failed != findings.end(), qPrintable(findingsText(r)));
    QVERIFY(failed->title.english().contains(QStringLiteral("PickUp")));
    const Finding *renamed = r.finding(QStringLiteral("spool.foreign-files"));
    QCOMPARE(renamed->verdict, Verdict::Warning);
    QVERIFY(renamed->evidence.english().contains(
        Spool::emlName(name) + QStringLiteral(".quarantined")));
    QVERIFY(renamed->evidence.english().contains(Spool::metaName(name))); // the sidecar left alone
}

void TestTroubleshooter::rejectedRecipientAndTwoEntriesOnOneAccount()
{
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {"Subject: a\n\nhello\n"}).isEmpty());
    writeConfig(QStringLiteral("undeliverable_mailbox = nobody@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port())
            + mailbox(QStringLiteral("shop2"), m_dovecot.pop3Port()));
    DiagnosisReport r = diagnose();
    const Finding *twice = r.finding(QStringLiteral("config.duplicate-account"));
    QVERIFY2(twice && twice->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(twice->title.english().contains(QStringLiteral("shop2")));

    int accepted = 0;
    bool nobodyRejected = false;
    for (const Finding &f : r.section(DiagnosisSection::Stage::Delivery).findings) {
        if (f.id != u"delivery.recipient")
            continue;
        if (f.title.english().startsWith(QStringLiteral("alice@office.example")))
            accepted += f.verdict == Verdict::Pass;
        if (f.title.english().startsWith(QStringLiteral("nobody@office.example")))
            nobodyRejected = f.verdict == Verdict::Fail && f.evidence.english().startsWith(u'5');
    }
    QCOMPARE(accepted, 1); // one RCPT for an address named twice
    QVERIFY2(nobodyRejected, qPrintable(findingsText(r)));
    // No message was sent by the check.
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);
}

void TestTroubleshooter::deliveryOverStartTls()
{
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    replaceInConfig(QStringLiteral("transport = lmtp\n"),
        QStringLiteral("transport = lmtp\nsecurity = starttls\nca_file = %1\n")
            .arg(m_dovecot.caFile()));
    DiagnosisReport r = diagnose();
    const Finding *tls = r.finding(QStringLiteral("delivery.starttls"));
    QVERIFY2(tls && tls->verdict == Verdict::Pass, qPrintable(findingsText(r)));
    QCOMPARE(r.section(DiagnosisSection::Stage::Delivery).worst(), Verdict::Pass);

    // Without the CA the local server's certificate is not trusted.
    replaceInConfig(QStringLiteral("transport = lmtp\nsecurity = starttls\nca_file = %1\n")
                        .arg(m_dovecot.caFile()),
        QStringLiteral("transport = lmtp\nsecurity = starttls\n"));
    r = diagnose();
    tls = r.finding(QStringLiteral("delivery.starttls"));
    QVERIFY2(tls && tls->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(tls->fix.english().contains(QStringLiteral("ca_file")));
    QCOMPARE(r.finding(QStringLiteral("mailbox.certificate"))->verdict, Verdict::Pass);
}

void TestTroubleshooter::nearlyFullDisk()
{
    // A 200 MB file system: under 1 GB free is a warning; under 100 MB a failure.
    SmallFileSystem small(200LL << 20);
    if (!small.error().isEmpty())
        QSKIP(qPrintable(small.error()));
    const QString spool = small.path() + QStringLiteral("/spool");
    QVERIFY(Spool(spool).prepare().ok());
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    replaceInConfig(QStringLiteral("spool = spool"), QStringLiteral("spool = ") + spool);

    DiagnosisReport r = diagnose();
    const Finding *space = r.finding(QStringLiteral("spool.free-space"));
    QVERIFY2(space && space->verdict == Verdict::Warning, qPrintable(findingsText(r)));

    QVERIFY(small.fill(50LL << 20).isEmpty());
    r = diagnose();
    space = r.finding(QStringLiteral("spool.free-space"));
    QVERIFY2(space && space->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(space->fix.english().contains(spool));
    small.release();
    // And a tmpfs is memory: what waits in the spool is gone at the next restart.
    const Finding *kind = r.finding(QStringLiteral("spool.file-system"));
    QVERIFY2(kind && kind->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(kind->title.english().contains(QStringLiteral("tmpfs")));
}

void TestTroubleshooter::spoolFileSystemWithoutAJournal()
{
    for (const bool journal : {false, true}) {
        SmallFileSystem disk(64LL << 20,
            journal ? SmallFileSystem::Kind::Ext4 : SmallFileSystem::Kind::Ext4WithoutJournal);
        if (!disk.error().isEmpty())
            QSKIP(qPrintable(disk.error()));
        const QString spool = disk.path() + QStringLiteral("/spool");
        QVERIFY(Spool(spool).prepare().ok());
        writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
            mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
        replaceInConfig(QStringLiteral("spool = spool"), QStringLiteral("spool = ") + spool);
        const DiagnosisReport r = diagnose();
        const Finding *kind = r.finding(QStringLiteral("spool.file-system"));
        QVERIFY2(kind, qPrintable(findingsText(r)));
        QCOMPARE(kind->verdict, journal ? Verdict::Pass : Verdict::Warning);
        QVERIFY2(kind->evidence.english().contains(QStringLiteral("ext4 loop")),
            qPrintable(kind->evidence.english()));
        if (!journal)
            QVERIFY(
                kind->fix.english().contains(QStringLiteral("tune2fs -O has_journal /dev/loop")));
    }
}

void TestTroubleshooter::fullMailboxIsAQuotaProblem()
{
    m_dovecot.clearMailbox(QStringLiteral("full"));
    writeConfig(QStringLiteral("undeliverable_mailbox = full@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    DiagnosisReport r = diagnose();
    const auto recipient = [&r](const QString &address) -> const Finding * {
        for (const Finding &f : r.section(DiagnosisSection::Stage::Delivery).findings) {
            if (f.id == u"delivery.recipient" && f.title.english().contains(address))
                return &f;
        }
        return nullptr;
    };
    const Finding *full = recipient(QStringLiteral("full@office.example"));
    QVERIFY2(full && full->verdict == Verdict::Pass, qPrintable(findingsText(r)));

    QVERIFY(m_dovecot
                .addMessages(
                    QStringLiteral("full"), {"Subject: big\n\n" + QByteArray(4096, 'x') + '\n'})
                .isEmpty());
    // Dovecot counts what it delivered itself; a message put in the Maildir behind its back
    // counts once the quota is recalculated.
    const Ran recalc = run(QStringLiteral("doveadm"),
        {QStringLiteral("-c"), m_dovecot.root() + QStringLiteral("/dovecot.conf"),
            QStringLiteral("quota"), QStringLiteral("recalc"), QStringLiteral("-u"),
            QStringLiteral("full")});
    QVERIFY2(recalc.code == 0, qPrintable(recalc.err));
    r = diagnose();
    full = recipient(QStringLiteral("full@office.example"));
    QVERIFY2(full && full->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY2(full->fix.english().contains(QStringLiteral("quota")), qPrintable(findingsText(r)));
    QVERIFY2(full->evidence.english().startsWith(QStringLiteral("552 5.2.2")),
        qPrintable(full->evidence.english()));
}

void TestTroubleshooter::ctlExitCodes()
{
    if (!onAnOfficeDisk(m_dir->filePath(QStringLiteral("spool"))))
        QSKIP("the temporary folder's file system is not one an office server keeps mail on");
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {"Subject: a\n\nhello\n"}).isEmpty());
    // On a schedule (its first cycle at once), leaving the mail on the server: a service with
    // nothing to warn about.
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port(),
            QStringLiteral("leave_on_server = true\n")));
    replaceInConfig(
        QStringLiteral("schedule_enabled = false"), QStringLiteral("interval_minutes = 1440"));
    QVERIFY(startService());
    QCOMPARE(run(QStringLiteral(P3C_CTL),
                 {QStringLiteral("--config"), m_ini, QStringLiteral("retrieve-now"),
                     QStringLiteral("--wait")})
                 .code,
        0);
    const QStringList ctl {QStringLiteral("--config"), m_ini, QStringLiteral("diagnose")};

    Ran r = run(QStringLiteral(P3C_CTL), ctl);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("Mailbox shop: PASS")));

    r = run(QStringLiteral(P3C_CTL), ctl + QStringList {QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
    QVERIFY(json.value(QStringLiteral("inService")).toBool());

    m_dovecot.clearMailbox(QStringLiteral("shop")); // +OK 0 0: a warning
    r = run(QStringLiteral(P3C_CTL), ctl);
    QVERIFY2(r.code == 1, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("+OK 0 0")));

    writePassword(kWrong);
    r = run(QStringLiteral(P3C_CTL), ctl);
    QVERIFY2(r.code == 2, qPrintable(r.out + r.err));
    QVERIFY(!r.out.contains(kWrong));

    // Bad usage is 2 as well, but with no report: nothing was asked.
    r = run(QStringLiteral(P3C_CTL), ctl + QStringList {QStringLiteral("shop")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(QStringLiteral("diagnose takes no arguments")));

    stopService();
    r = run(QStringLiteral(P3C_CTL), ctl);
    QCOMPARE(r.code, 3);
    // Without a service, pop3connectord runs the same checks itself.
    r = run(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), m_ini, QStringLiteral("--diagnose")});
    QVERIFY2(r.code == 2, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("No service is running")));
    QVERIFY(r.out.contains(QStringLiteral("Login failed")));
    // In the user's language.
    r = run(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), m_ini, QStringLiteral("--diagnose")},
        QStringLiteral("ja_JP.UTF-8"));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.out.contains(QStringLiteral("メールボックス shop: 失敗")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("ログインに失敗しました")));
}

void TestTroubleshooter::dovecotStopped()
{
    writeConfig(QStringLiteral("undeliverable_mailbox = alice@office.example\n"),
        mailbox(QStringLiteral("shop"), m_dovecot.pop3Port()));
    QVERIFY(m_dovecot.stop().isEmpty());
    const DiagnosisReport r = diagnose();
    const Finding *pop3 = r.finding(QStringLiteral("mailbox.connect"), QStringLiteral("shop"));
    QVERIFY2(pop3 && pop3->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(pop3->title.english().contains(QStringLiteral("refused")));
    const Finding *lmtp = r.finding(QStringLiteral("delivery.connect"));
    QVERIFY2(lmtp && lmtp->verdict == Verdict::Fail, qPrintable(findingsText(r)));
    QVERIFY(lmtp->title.english().contains(QStringLiteral("refused")));
}

QTEST_GUILESS_MAIN(TestTroubleshooter)
#include "tst_troubleshooter.moc"
