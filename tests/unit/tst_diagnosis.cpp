// The troubleshooter's judgements as tables: from what was seen of a mailbox, the spool, the
// local server and the configuration to pass, warning or fail; and the report's wire form and
// exit status.
#include "diagnosis/configurationchecks.h"
#include "diagnosis/deliverychecks.h"
#include "diagnosis/diagnosis.h"
#include "diagnosis/mailboxchecks.h"
#include "diagnosis/servicechecks.h"
#include "diagnosis/spoolchecks.h"

#include <QCborArray>
#include <QTest>
#include <QTranslator>

using namespace Pop3Connector;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

using Line = MailboxFacts::Line;
constexpr auto C = TranscriptDirection::Client;
constexpr auto S = TranscriptDirection::Server;

MailboxFacts reachable()
{
    MailboxFacts f;
    f.host = QStringLiteral("pop.example");
    f.port = 995;
    f.resolved = true;
    f.addresses = {QStringLiteral("192.0.2.1")};
    f.connect = MailboxFacts::Connect::Connected;
    CertificateFacts c;
    c.subject = QStringLiteral("pop.example");
    c.issuer = QStringLiteral("Example CA");
    c.notBefore = kNow.addDays(-30);
    c.notAfter = kNow.addDays(60);
    f.certificate = c;
    return f;
}

QList<Line> conversation(const QList<QByteArray> &extra)
{
    QList<Line> lines {{S, "+OK ready"}, {C, "CAPA"}, {S, "+OK"}, {S, "USER"}, {S, "UIDL"},
        {S, "."}, {C, "USER shop"}, {S, "+OK"}, {C, "PASS ****"}};
    for (const QByteArray &l : extra)
        lines.append({l.startsWith("C:") ? C : S, l.mid(2)});
    return lines;
}

// "id=verdict" for each finding, for tables.
QStringList verdicts(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.id + u'=' + verdictKey(f.verdict));
    return out;
}

} // namespace

class TestDiagnosis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mailboxSteps_data();
    void mailboxSteps();
    void stlsRefusedIsNotAHandshakeFailure();
    void certificate_data();
    void certificate();
    void configuration_data();
    void configuration();
    void passwordFindings();
    void spool_data();
    void spool();
    void delivery_data();
    void delivery();
    void service_data();
    void service();
    void reportTravelsAndExits();
    void findingTravelsWithItsPhrase_data();
    void findingTravelsWithItsPhrase();
    void olderServicesFindingIsItsText();
};

void TestDiagnosis::mailboxSteps_data()
{
    QTest::addColumn<MailboxFacts>("facts");
    QTest::addColumn<QStringList>("expected");

    MailboxFacts f;
    f.host = QStringLiteral("nowhere.invalid");
    f.resolveError = QStringLiteral("Host not found");
    QTest::newRow("name not found") << f << QStringList {QStringLiteral("mailbox.dns=fail")};

    f = reachable();
    f.connect = MailboxFacts::Connect::Refused;
    QTest::newRow("refused") << f
                             << QStringList {QStringLiteral("mailbox.dns=pass"),
                                    QStringLiteral("mailbox.connect=fail")};
    f.connect = MailboxFacts::Connect::TimedOut;
    QTest::newRow("timed out") << f
                               << QStringList {QStringLiteral("mailbox.dns=pass"),
                                      QStringLiteral("mailbox.connect=fail")};

    f = reachable();
    f.certificate.reset();
    f.tlsError = QStringLiteral("handshake failure");
    QTest::newRow("no TLS") << f
                            << QStringList {QStringLiteral("mailbox.dns=pass"),
                                   QStringLiteral("mailbox.connect=pass"),
                                   QStringLiteral("mailbox.tls=fail")};
    f.stlsRefused = true;
    QTest::newRow("STLS refused") << f
                                  << QStringList {QStringLiteral("mailbox.dns=pass"),
                                         QStringLiteral("mailbox.connect=pass"),
                                         QStringLiteral("mailbox.tls=fail")};

    const QStringList throughLogin {QStringLiteral("mailbox.dns=pass"),
        QStringLiteral("mailbox.connect=pass"), QStringLiteral("mailbox.tls=pass"),
        QStringLiteral("mailbox.certificate=pass"), QStringLiteral("mailbox.greeting=pass"),
        QStringLiteral("mailbox.capa=pass")};

    f = reachable();
    RetrievalReport r;
    r.outcome = RetrievalReport::Outcome::Failed;
    r.failureId = EventId::AuthenticationFailed;
    r.failureText = QStringLiteral("-ERR [AUTH] Authentication failed.");
    f.test = r;
    f.transcript = conversation({"S:-ERR [AUTH] Authentication failed."});
    QTest::newRow("wrong password")
        << f << throughLogin + QStringList {QStringLiteral("mailbox.login=fail")};

    r = RetrievalReport {};
    r.onServer = 0;
    f.test = r;
    f.transcript = conversation({"S:+OK logged in", "C:STAT", "S:+OK 0 0", "C:QUIT", "S:+OK"});
    QTest::newRow("empty") << f
                           << throughLogin
            + QStringList {
                QStringLiteral("mailbox.login=pass"), QStringLiteral("mailbox.stat=warning")};

    r.onServer = 3;
    r.octetsOnServer = 4096;
    f.test = r;
    f.transcript = conversation({"S:+OK logged in", "C:STAT", "S:+OK 3 4096", "C:QUIT", "S:+OK"});
    QTest::newRow("mail waiting") << f
                                  << throughLogin
            + QStringList {
                QStringLiteral("mailbox.login=pass"), QStringLiteral("mailbox.stat=pass")};

    r = RetrievalReport {};
    r.outcome = RetrievalReport::Outcome::Failed;
    r.failureId = EventId::ServerTimeout;
    f.test = r;
    f.transcript = {{TranscriptDirection::Note, "connecting"}};
    QTest::newRow("silent after connect")
        << f
        << QStringList {QStringLiteral("mailbox.dns=pass"), QStringLiteral("mailbox.connect=pass"),
               QStringLiteral("mailbox.tls=pass"), QStringLiteral("mailbox.certificate=pass"),
               QStringLiteral("mailbox.greeting=fail")};

    f.transcript = conversation({"S:+OK logged in", "C:STAT"});
    QTest::newRow("STAT unanswered") << f
                                     << throughLogin
            + QStringList {
                QStringLiteral("mailbox.login=pass"), QStringLiteral("mailbox.stat=fail")};
}

void TestDiagnosis::mailboxSteps()
{
    QFETCH(MailboxFacts, facts);
    QFETCH(QStringList, expected);
    const QList<Finding> findings = MailboxChecks::evaluate(facts, kNow);
    QCOMPARE(verdicts(findings).join(u' '), expected.join(u' '));
    for (const Finding &f : findings) {
        QVERIFY2(!f.title.isEmpty(), qPrintable(f.id));
        if (f.verdict != Verdict::Pass)
            QVERIFY2(!f.fix.isEmpty(), qPrintable(f.id)); // every problem says what to do
    }
}

void TestDiagnosis::stlsRefusedIsNotAHandshakeFailure()
{
    MailboxFacts f = reachable();
    f.security = Pop3Security::StartTls;
    f.certificate.reset();
    f.tlsError = QStringLiteral("the server refused STLS: -ERR no");
    QCOMPARE(
        MailboxChecks::evaluate(f, kNow).last().fix.english(), describe(EventId::TlsFailed).fix);
    f.stlsRefused = true;
    QCOMPARE(MailboxChecks::evaluate(f, kNow).last().fix.english(),
        describe(EventId::StartTlsUnavailable).fix);
}

void TestDiagnosis::certificate_data()
{
    QTest::addColumn<CertificateFacts>("facts");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("titleHas");

    CertificateFacts c = *reachable().certificate;
    QTest::newRow("valid 60 days") << c << "pass"
                                   << "60";
    c.notAfter = kNow.addDays(MailboxChecks::kCertificateWarningDays + 1);
    QTest::newRow("15 days") << c << "pass"
                             << "15";
    c.notAfter = kNow.addDays(MailboxChecks::kCertificateWarningDays);
    QTest::newRow("14 days") << c << "warning"
                             << "14";
    c.notAfter = kNow.addDays(9);
    QTest::newRow("9 days") << c << "warning"
                            << "9";
    c.notAfter = kNow.addSecs(-60);
    QTest::newRow("expired") << c << "fail"
                             << "expired";
    c = *reachable().certificate;
    c.notBefore = kNow.addDays(2);
    QTest::newRow("not yet valid") << c << "fail"
                                   << "not valid yet";
    c = *reachable().certificate;
    c.nameMatches = false;
    QTest::newRow("other name") << c << "fail"
                                << "not for pop.example";
    c = *reachable().certificate;
    c.trusted = false;
    QTest::newRow("unknown issuer") << c << "fail"
                                    << "not trusted";
}

void TestDiagnosis::certificate()
{
    QFETCH(CertificateFacts, facts);
    QFETCH(QString, verdict);
    QFETCH(QString, titleHas);
    const Finding f = MailboxChecks::certificate(facts, QStringLiteral("pop.example"), kNow);
    QCOMPARE(verdictKey(f.verdict), verdict);
    QVERIFY2(f.title.english().contains(titleHas), qPrintable(f.title.english()));
    QVERIFY(f.evidence.english().contains(QStringLiteral("Example CA")));
}

void TestDiagnosis::configuration_data()
{
    QTest::addColumn<Configuration>("configuration");
    QTest::addColumn<QStringList>("problems");

    MailboxSettings a;
    a.name = QStringLiteral("a");
    a.host = QStringLiteral("pop.example");
    a.user = QStringLiteral("shop");
    a.localMailbox = QStringLiteral("a@office.example");
    Configuration c;
    c.mailboxes = {a};
    QTest::newRow("one mailbox") << c << QStringList {};

    MailboxSettings b = a;
    b.name = QStringLiteral("b");
    b.host = QStringLiteral("POP.example");
    c.mailboxes = {a, b};
    QTest::newRow("same account twice")
        << c << QStringList {QStringLiteral("config.duplicate-account=fail")};
    b.enabled = false;
    c.mailboxes = {a, b};
    QTest::newRow("second disabled") << c << QStringList {};
    b.enabled = true;
    b.user = QStringLiteral("other");
    c.mailboxes = {a, b};
    QTest::newRow("other user") << c << QStringList {};

    MailboxSettings g = a;
    g.type = MailboxType::Global;
    c.mailboxes = {g};
    QTest::newRow("global without rules")
        << c << QStringList {QStringLiteral("config.global-rules=fail")};
    g.acceptedDomains = {QStringLiteral("office.example")};
    c.mailboxes = {g};
    QTest::newRow("global with domains") << c << QStringList {};

    MailboxSettings p = a;
    p.security = Pop3Security::None;
    c.mailboxes = {p};
    QTest::newRow("clear text") << c << QStringList {QStringLiteral("config.plain-login=warning")};
    p.auth = AuthMethod::CramMd5;
    c.mailboxes = {p};
    QTest::newRow("digest without TLS") << c << QStringList {};
}

void TestDiagnosis::configuration()
{
    QFETCH(Configuration, configuration);
    QFETCH(QStringList, problems);
    QStringList got;
    for (const QString &v : verdicts(ConfigurationChecks::evaluate(configuration))) {
        if (!v.endsWith(QLatin1String("=pass")))
            got.append(v);
    }
    QCOMPARE(got, problems);
}

void TestDiagnosis::passwordFindings()
{
    const QString name = QStringLiteral("shop");
    QCOMPARE(ConfigurationChecks::password(name, QByteArray("x")).verdict, Verdict::Pass);
    const Finding missing =
        ConfigurationChecks::password(name, Error {ErrorCode::NotFound, QStringLiteral("none")});
    QCOMPARE(missing.verdict, Verdict::Fail);
    QVERIFY(missing.fix.english().contains(QStringLiteral("set-password shop")));
    const Finding open = ConfigurationChecks::password(
        name, Error {ErrorCode::PermissionDenied, QStringLiteral("mode 0644")});
    QCOMPARE(open.verdict, Verdict::Fail);
    QVERIFY(open.fix.english().contains(QStringLiteral("chmod 600")));

    // A mailbox that signs in with OAuth: the broker's answer, with what to do.
    QCOMPARE(ConfigurationChecks::signIn(name, QByteArray("at")).verdict, Verdict::Pass);
    const Finding withdrawn = ConfigurationChecks::signIn(
        name, Error {ErrorCode::PermissionDenied, QStringLiteral("invalid_grant: AADSTS50173")});
    QCOMPARE(withdrawn.verdict, Verdict::Fail);
    QVERIFY(withdrawn.title.english().contains(QStringLiteral("withdrew")));
    QVERIFY(withdrawn.evidence.english().contains(QStringLiteral("AADSTS50173")));
    QVERIFY(withdrawn.fix.english().contains(QStringLiteral("pop3connectorctl authorize shop")));
    const Finding down = ConfigurationChecks::signIn(
        name, Error {ErrorCode::Protocol, QStringLiteral("answered HTTP 503")});
    QVERIFY(down.fix.english().contains(QStringLiteral("oauth_token_url")));
}

void TestDiagnosis::spool_data()
{
    QTest::addColumn<SpoolFacts>("facts");
    QTest::addColumn<QStringList>("problems");

    SpoolFacts ok;
    ok.root = QStringLiteral("/spool");
    ok.folders = {{QStringLiteral("PickUp"), QStringLiteral("/spool/PickUp"), true, true, true, 0}};
    ok.bytesFree = 50LL << 30;
    ok.bytesTotal = 100LL << 30;
    ok.inodesFree = 900000;
    ok.inodesTotal = 1000000;
    QTest::newRow("healthy") << ok << QStringList {};

    SpoolFacts f = ok;
    f.folders.first().exists = false;
    QTest::newRow("missing folder") << f << QStringList {QStringLiteral("spool.folder=fail")};
    f = ok;
    f.folders.first().ownedByService = false;
    QTest::newRow("other owner") << f << QStringList {QStringLiteral("spool.folder=fail")};
    f = ok;
    f.folders.first().writable = false;
    QTest::newRow("read-only") << f << QStringList {QStringLiteral("spool.folder=fail")};

    f = ok;
    f.waiting = {{QStringLiteral("PickUp"), QStringLiteral("x.eml"), kNow.addSecs(-29 * 60), 10}};
    QTest::newRow("waiting under two cycles") << f << QStringList {};
    f.waiting.first().modified = kNow.addSecs(-31 * 60);
    QTest::newRow("waiting over two cycles")
        << f << QStringList {QStringLiteral("spool.waiting=warning")};

    f = ok;
    f.foreign = {{QStringLiteral("Incoming Mail"), QStringLiteral("x.eml.quarantined"), kNow, 10}};
    QTest::newRow("renamed") << f << QStringList {QStringLiteral("spool.foreign-files=warning")};

    f = ok;
    f.bytesFree = 900LL << 20; // 900 MB of 100 GB
    QTest::newRow("under 1 GB") << f << QStringList {QStringLiteral("spool.free-space=warning")};
    f.bytesFree = 2LL << 30;
    f.bytesTotal = 100LL << 30; // 2 %
    QTest::newRow("under 5 %") << f << QStringList {QStringLiteral("spool.free-space=warning")};
    f.bytesFree = 99LL << 20;
    QTest::newRow("under 100 MB") << f << QStringList {QStringLiteral("spool.free-space=fail")};
    f.bytesFree = 150LL << 20;
    f.largestMessage = 200LL << 20;
    QTest::newRow("under the largest message")
        << f << QStringList {QStringLiteral("spool.free-space=fail")};

    f = ok;
    f.inodesFree = 40000;
    QTest::newRow("inodes under 5 %")
        << f << QStringList {QStringLiteral("spool.free-inodes=warning")};
    f.inodesFree = 999;
    QTest::newRow("inodes gone") << f << QStringList {QStringLiteral("spool.free-inodes=fail")};

    f = ok;
    f.fileSystem = QStringLiteral("ext4");
    f.device = QStringLiteral("vda");
    f.journaled = true;
    QTest::newRow("ext4 with a journal") << f << QStringList {};
    f.journaled = false;
    QTest::newRow("ext4 without a journal")
        << f << QStringList {QStringLiteral("spool.file-system=warning")};
    f.journaled.reset();
    QTest::newRow("ext4, journal not known") << f << QStringList {};
    f = ok;
    f.fileSystem = QStringLiteral("tmpfs");
    QTest::newRow("in memory") << f << QStringList {QStringLiteral("spool.file-system=fail")};
}

void TestDiagnosis::spool()
{
    QFETCH(SpoolFacts, facts);
    QFETCH(QStringList, problems);
    QStringList got;
    for (const QString &v : verdicts(SpoolChecks::evaluate(facts, 15, kNow))) {
        if (!v.endsWith(QLatin1String("=pass")))
            got.append(v);
    }
    QCOMPARE(got, problems);
}

void TestDiagnosis::delivery_data()
{
    QTest::addColumn<DeliveryFacts>("facts");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<QString>("words");

    DeliveryFacts ok;
    ok.host = QStringLiteral("127.0.0.1");
    ok.port = 24;
    ok.transport = Transport::Lmtp;
    ok.undeliverable = QStringLiteral("postmaster@office.example");
    ok.recipients = {
        {QStringLiteral("a@office.example"), QStringLiteral("a"), SmtpReply {250, {"2.1.5 OK"}}}};
    QTest::newRow("accepted") << ok << QStringList {} << QString();

    DeliveryFacts f = ok;
    f.undeliverable.clear();
    QTest::newRow("no undeliverable")
        << f << QStringList {QStringLiteral("delivery.undeliverable=warning")} << QString();

    f = ok;
    f.stoppedAt = DeliveryFacts::Step::Connect;
    f.sessionError = SessionError::ConnectionRefused;
    QTest::newRow("refused") << f << QStringList {QStringLiteral("delivery.connect=fail")}
                             << QStringLiteral("refused");
    f.stoppedAt = DeliveryFacts::Step::Hello;
    QTest::newRow("LHLO refused") << f << QStringList {QStringLiteral("delivery.hello=fail")}
                                  << QStringLiteral("LHLO");

    f = ok;
    f.recipients.first().reply = SmtpReply {550, {"5.1.1 <a@office.example> User doesn't exist"}};
    QTest::newRow("unknown user") << f << QStringList {QStringLiteral("delivery.recipient=fail")}
                                  << QStringLiteral("rejected");
    f.recipients.first().reply = SmtpReply {552, {"5.2.2 Mailbox full"}};
    QTest::newRow("552 full") << f << QStringList {QStringLiteral("delivery.recipient=fail")}
                              << QStringLiteral("quota");
    f.recipients.first().reply = SmtpReply {452, {"4.2.2 Mailbox is over quota"}};
    QTest::newRow("452 full") << f << QStringList {QStringLiteral("delivery.recipient=fail")}
                              << QStringLiteral("quota");
    f.recipients.first().reply = SmtpReply {451, {"4.3.0 Temporary failure"}};
    QTest::newRow("deferred") << f << QStringList {QStringLiteral("delivery.recipient=warning")}
                              << QStringLiteral("deferred");
}

void TestDiagnosis::delivery()
{
    QFETCH(DeliveryFacts, facts);
    QFETCH(QStringList, problems);
    QFETCH(QString, words);
    QStringList got;
    QString text;
    for (const Finding &f : DeliveryChecks::evaluate(facts)) {
        if (f.verdict != Verdict::Pass) {
            got.append(f.id + u'=' + verdictKey(f.verdict));
            text += f.title.english() + u' ' + f.fix.english();
        }
    }
    QCOMPARE(got, problems);
    QVERIFY2(text.contains(words), qPrintable(text));
}

void TestDiagnosis::service_data()
{
    QTest::addColumn<ServiceFacts>("facts");
    QTest::addColumn<QStringList>("problems");

    ServiceFacts ok;
    ok.user = QStringLiteral("pop3connector");
    ok.pid = 42;
    ok.lastCycleStarted = kNow.addSecs(-600);
    ok.lastCycleFinished = kNow.addSecs(-540);
    QTest::newRow("healthy") << ok << QStringList {};

    ServiceFacts f = ok;
    f.deliveryEnabled = false;
    QTest::newRow("delivery stopped")
        << f << QStringList {QStringLiteral("service.delivery=warning")};
    f = ok;
    f.scheduleEnabled = false;
    QTest::newRow("no schedule") << f << QStringList {QStringLiteral("service.schedule=warning")};
    f = ok;
    f.lastCycleFinished = ok.lastCycleStarted.addSecs(15 * 60 + 1);
    QTest::newRow("cycle overran") << f << QStringList {QStringLiteral("service.cycle=warning")};
    f.lastCycleFinished = ok.lastCycleStarted.addSecs(15 * 60);
    QTest::newRow("cycle just in time") << f << QStringList {};
    f = ok;
    RetrievalReport failed;
    failed.outcome = RetrievalReport::Outcome::Failed;
    failed.failureText = QStringLiteral("Login failed");
    f.lastResults.insert(QStringLiteral("shop"), failed);
    f.lastResults.insert(QStringLiteral("sales"), RetrievalReport {});
    QTest::newRow("last retrieval failed")
        << f << QStringList {QStringLiteral("service.last-result=warning")};
}

void TestDiagnosis::service()
{
    QFETCH(ServiceFacts, facts);
    QFETCH(QStringList, problems);
    QStringList got;
    for (const QString &v : verdicts(ServiceChecks::evaluate(facts))) {
        if (!v.endsWith(QLatin1String("=pass")))
            got.append(v);
    }
    QCOMPARE(got, problems);
}

void TestDiagnosis::reportTravelsAndExits()
{
    DiagnosisReport r;
    r.configuration = QStringLiteral("/etc/p.ini");
    r.started = kNow;
    r.section(DiagnosisSection::Stage::Configuration)
        .findings.append({QStringLiteral("config.x"), Verdict::Pass, QStringLiteral("t"), {}, {}});
    r.section(DiagnosisSection::Stage::Mailbox, QStringLiteral("shop"))
        .findings.append({QStringLiteral("mailbox.stat"), Verdict::Warning, QStringLiteral("t"),
            QStringLiteral("+OK 0 0"), QStringLiteral("fix")});
    r.section(DiagnosisSection::Stage::Mailbox, QStringLiteral("shop")).transcript = {
        QStringLiteral("C: PASS ****")};
    // Stages stay in their order whatever order they were made in.
    QCOMPARE(r.sections.first().stage, DiagnosisSection::Stage::Mailbox);
    QCOMPARE(exitCodeFor(r.worst()), 1);

    const DiagnosisReport back = diagnosisFromCbor(toCbor(r));
    QCOMPARE(back.sections.size(), 2);
    QCOMPARE(back.configuration, r.configuration);
    QCOMPARE(back.worst(), Verdict::Warning);
    QVERIFY(back.finding(QStringLiteral("mailbox.stat"), QStringLiteral("shop")));
    QCOMPARE(back.sections.first().transcript, r.sections.first().transcript);

    const QString text = DiagnosisText::format(back, true);
    QVERIFY(text.contains(QStringLiteral("Mailbox shop: WARN")));
    QVERIFY(text.contains(QStringLiteral("C: PASS ****")));

    r.section(DiagnosisSection::Stage::Spool)
        .findings.append({QStringLiteral("spool.folder"), Verdict::Fail, QStringLiteral("t"), {},
            QStringLiteral("fix")});
    QCOMPARE(exitCodeFor(r.worst()), 2);
    QCOMPARE(exitCodeFor(Verdict::Pass), 0);
}

namespace {

// Japanese for the login finding's title, as the catalogue would have it, without depending on it.
class LoginInJapanese : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "Pop3Connector::MailboxChecks") == 0
            && qstrcmp(source, "Login failed") == 0)
            return QStringLiteral("ログインに失敗しました");
        if (qstrcmp(context, "Pop3Connector::MailboxRetrieval") == 0
            && qstrcmp(source, "%1 refused the login of %2") == 0)
            return QStringLiteral("%1 が %2 のログインを拒否しました");
        // The same in Japanese as in English: what it holds is translated all the same.
        if (qstrcmp(context, "Pop3Connector::MailboxRetrieval") == 0
            && qstrcmp(source, "%1 [%2]") == 0)
            return QStringLiteral("%1 [%2]");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void TestDiagnosis::findingTravelsWithItsPhrase_data()
{
    QTest::addColumn<Finding>("finding");
    QTest::addColumn<bool>("phrases"); // whether the title goes as a phrase beside its text

    MailboxFacts login = reachable();
    RetrievalReport failed;
    failed.outcome = RetrievalReport::Outcome::Failed;
    failed.failureId = EventId::AuthenticationFailed;
    failed.failureText = QStringLiteral("shop: -ERR [AUTH] Authentication failed.");
    failed.failure =
        Phrase("Pop3Connector::MailboxRetrieval", "%1: %2")
            .arg(QStringLiteral("shop"), QStringLiteral("-ERR [AUTH] Authentication failed."));
    login.test = failed;
    login.transcript = conversation({"S:-ERR [AUTH] Authentication failed."});
    const QList<Finding> findings = MailboxChecks::evaluate(login, kNow);
    QCOMPARE(findings.last().id, QStringLiteral("mailbox.login"));
    QTest::newRow("login: a title, the retrieval's phrase, the catalogue's fix")
        << findings.last() << true;

    CertificateFacts soon = reachable().certificate.value();
    soon.notAfter = kNow.addDays(3);
    QTest::newRow("plural, with arguments and a fix")
        << MailboxChecks::certificate(soon, QStringLiteral("pop.example"), kNow) << true;
    CertificateFacts untrusted = reachable().certificate.value();
    untrusted.trusted = false;
    untrusted.problems = {QStringLiteral("self-signed certificate in chain")};
    QTest::newRow("evidence with the TLS library's words")
        << MailboxChecks::certificate(untrusted, QStringLiteral("pop.example"), kNow) << true;
    QTest::newRow("plain text") << Finding {QStringLiteral("x.y"), Verdict::Warning,
        QStringLiteral("literal title"), QStringLiteral("%1 stays"), QStringLiteral("fix it")}
                                << false;
}

void TestDiagnosis::findingTravelsWithItsPhrase()
{
    QFETCH(Finding, finding);
    QFETCH(bool, phrases);
    DiagnosisReport r;
    r.section(DiagnosisSection::Stage::Mailbox, QStringLiteral("shop")).findings.append(finding);
    const QCborMap wire = toCbor(r);
    const QCborMap sent = wire.value(QStringLiteral("sections"))
                              .toArray()
                              .at(0)
                              .toMap()
                              .value(QStringLiteral("findings"))
                              .toArray()
                              .at(0)
                              .toMap();
    // English for an older client, whatever the phrase.
    QCOMPARE(sent.value(QStringLiteral("title")).toString(), finding.title.english());
    QCOMPARE(sent.value(QStringLiteral("evidence")).toString(), finding.evidence.english());
    QCOMPARE(sent.value(QStringLiteral("fix")).toString(), finding.fix.english());
    QCOMPARE(sent.contains(QStringLiteral("titlePhrase")), phrases);
    QCOMPARE(sent.contains(QStringLiteral("fixPhrase")), phrases);

    const DiagnosisReport back = diagnosisFromCbor(wire);
    const Finding *got = back.finding(finding.id, QStringLiteral("shop"));
    QVERIFY(got);
    QCOMPARE(*got, finding);
    QCOMPARE(got->title.isLiteral(), !phrases);
}

void TestDiagnosis::olderServicesFindingIsItsText()
{
    // A service before phrases sent the text alone: it shows as it came, in any language.
    QCborMap finding;
    finding.insert(QStringLiteral("id"), QStringLiteral("mailbox.login"));
    finding.insert(QStringLiteral("verdict"), QStringLiteral("fail"));
    finding.insert(QStringLiteral("title"), QStringLiteral("Login failed"));
    finding.insert(QStringLiteral("evidence"), QStringLiteral("-ERR [AUTH] 100% wrong"));
    finding.insert(QStringLiteral("fix"), QStringLiteral("Check the password."));
    QCborMap section;
    section.insert(QStringLiteral("stage"), QStringLiteral("mailbox"));
    section.insert(QStringLiteral("name"), QStringLiteral("shop"));
    section.insert(QStringLiteral("findings"), QCborArray {finding});
    QCborMap wire;
    wire.insert(QStringLiteral("sections"), QCborArray {section});
    const DiagnosisReport old = diagnosisFromCbor(wire);

    LoginInJapanese japanese;
    QCoreApplication::installTranslator(&japanese);
    const Finding *f = old.finding(QStringLiteral("mailbox.login"));
    QVERIFY(f);
    QCOMPARE(f->title.translated(), QStringLiteral("Login failed"));
    QCOMPARE(f->evidence.translated(), QStringLiteral("-ERR [AUTH] 100% wrong"));
    // The same finding from this service reads in the reader's language, arguments as they came.
    DiagnosisReport now;
    now.section(DiagnosisSection::Stage::Mailbox, QStringLiteral("shop"))
        .findings.append({QStringLiteral("mailbox.login"), Verdict::Fail,
            Phrase("Pop3Connector::MailboxChecks", "Login failed"),
            QStringLiteral("-ERR [AUTH] 100% wrong"), fixPhrase(EventId::AuthenticationFailed)});
    // The retrieval's words as evidence, within a sentence that reads the same in both.
    now.section(DiagnosisSection::Stage::Mailbox, QStringLiteral("shop"))
        .findings.append({QStringLiteral("mailbox.x"), Verdict::Fail, QStringLiteral("x"),
            Phrase("Pop3Connector::MailboxRetrieval", "%1 [%2]")
                .arg(Phrase("Pop3Connector::MailboxRetrieval", "%1 refused the login of %2")
                         .arg(QStringLiteral("pop.example"), QStringLiteral("shop")),
                    QStringLiteral("AUTH")),
            QStringLiteral("x")});
    const QString text = DiagnosisText::format(diagnosisFromCbor(toCbor(now)), false);
    QCoreApplication::removeTranslator(&japanese);
    QVERIFY2(text.contains(QStringLiteral("pop.example が shop のログインを拒否しました [AUTH]")),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("ログインに失敗しました (mailbox.login)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("-ERR [AUTH] 100% wrong")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
