#include "service/diagnosticrequests.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "config/credentials.h"
#include "diagnosis/connectiontest.h"
#include "diagnosis/deliveryprobe.h"
#include "diagnosis/servicechecks.h"
#include "diagnosis/troubleshooter.h"
#include "oauth/tokenbroker.h"
#include "service/controlendpoint.h"
#include "service/controlmessages.h"
#include "service/controlpeer.h"
#include "service/deliverytest.h"
#include "service/notifier.h"
#include "service/passwordstore.h"
#include "spool/spool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

#include <unistd.h>

namespace Pop3Connector {

namespace {
constexpr int kMaxTranscriptLines = 2000;
} // namespace

DiagnosticRequests::DiagnosticRequests(
    ServiceHost *host, Control::Server *server, const ControlFeed *feed, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_server(server)
    , m_feed(feed)
{ }

Control::Handlers DiagnosticRequests::handlers()
{
    return {
        {Control::Method::TestConnection,
            [this](Session *s, const Message &r) { testConnection(s, r); }},
        {Control::Method::TrustCertificate,
            [this](Session *s, const Message &r) { trustCertificate(s, r); }},
        {Control::Method::Diagnostics, [this](Session *s, const Message &r) { diagnostics(s, r); }},
        {Control::Method::Diagnose, [this](Session *s, const Message &r) { diagnose(s, r); }},
        {Control::Method::TestDelivery,
            [this](Session *s, const Message &r) { testDelivery(s, r); }},
    };
}

// The test runs as the service: its network, its certificates, its password.
void DiagnosticRequests::testConnection(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("mailbox")).toString();
    const MailboxSettings *found = m_host->configuration().mailbox(name);
    if (!found) {
        session->fail(request.id,
            {ErrorCode::NotFound, tr("the configuration has no mailbox %1").arg(name.left(80))});
        return;
    }
    const MailboxSettings mailbox = *found;
    const int timeoutMs = m_host->configuration().connector.timeoutSeconds * 1000;
    const quint64 id = request.id;
    auto run = [this, session, id, mailbox, timeoutMs](const Result<QByteArray> &password) {
        if (!password) {
            session->fail(id, password.error());
            return;
        }
        auto *test = new ConnectionTest(mailbox, *password, timeoutMs, session);
        auto transcript = std::make_shared<QCborArray>();
        connect(test, &ConnectionTest::transcriptLine, session,
            [transcript](TranscriptDirection direction, const QByteArray &line) {
                if (transcript->size() >= kMaxTranscriptLines)
                    return;
                QCborMap l;
                l.insert(QStringLiteral("direction"),
                    direction == TranscriptDirection::Client       ? QStringLiteral("client")
                        : direction == TranscriptDirection::Server ? QStringLiteral("server")
                                                                   : QStringLiteral("note"));
                l.insert(QStringLiteral("line"), QString::fromUtf8(line));
                transcript->append(l);
            });
        // A note of the connector's own comes again as a phrase: beside its line, for a reader
        // in another language.
        connect(test, &ConnectionTest::transcriptNoted, session, [transcript](const Phrase &note) {
            if (transcript->isEmpty() || note.isLiteral())
                return;
            QCborMap last = transcript->last().toMap();
            if (last.value(QStringLiteral("direction")).toString() != u"note"
                || last.value(QStringLiteral("line")).toString() != note.english())
                return;
            last.insert(QStringLiteral("phrase"), note.toCbor());
            (*transcript)[transcript->size() - 1] = last;
        });
        connect(test, &ConnectionTest::finished, session,
            [this, session, id, test, transcript, name = mailbox.name](
                const RetrievalReport &report) {
                QCborMap r = Control::toCbor(report);
                r.insert(QStringLiteral("succeeded"),
                    report.outcome == RetrievalReport::Outcome::Succeeded);
                if (report.outcome != RetrievalReport::Outcome::Succeeded)
                    r.insert(QStringLiteral("fix"), describe(report.failureId).fix);
                r.insert(QStringLiteral("transcript"), *transcript);
                // What the server presented, for the administrator to inspect and trust.
                const QList<QSslCertificate> refused = test->refusedCertificates();
                if (refused.isEmpty()) {
                    m_refused.remove(name);
                } else {
                    m_refused.insert(name, refused);
                    QCborArray pems;
                    for (const QSslCertificate &c : refused)
                        pems.append(QString::fromLatin1(c.toPem()));
                    r.insert(QStringLiteral("certificates"), pems);
                }
                session->reply(id, r);
                test->deleteLater();
            });
        test->start();
    };
    // A mailbox that signs in with OAuth is tested with the service's own access token.
    if (Connector *c = m_host->connector(); c && mailbox.usesOAuth())
        c->tokenBroker()->accessToken(OAuthAccount::of(mailbox), session, run);
    else
        CredentialResolver(m_host->secrets()).resolve(mailbox, session, run);
}

void DiagnosticRequests::trustCertificate(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("mailbox")).toString();
    const QByteArray sha256 = QByteArray::fromHex(
        request.body.value(QStringLiteral("sha256")).toString().remove(u':').toLatin1());
    const QList<QSslCertificate> seen = m_refused.value(name);
    if (!m_host->configuration().mailbox(name) || seen.isEmpty()
        || seen.first().digest(QCryptographicHash::Sha256) != sha256) {
        session->fail(request.id,
            {ErrorCode::NotFound,
                tr("the last connection test of %1 presented no such certificate; test the "
                   "connection again")
                    .arg(name.left(80))});
        return;
    }
    // Next to the configuration that names it, private to the service's user.
    const QDir dir(QFileInfo(m_host->configuration().path)
                       .absoluteDir()
                       .filePath(QStringLiteral("certificates")));
    const QString file = dir.filePath(name + QStringLiteral(".pem"));
    Status written = DurableFs::makeDirectory(dir.path());
    if (written)
        written = DurableFs::writeAtomically(file, seen.first().toPem());
    if (!written) {
        session->fail(request.id, written.error());
        return;
    }
    m_refused.remove(name);
    QCborMap r;
    r.insert(QStringLiteral("caFile"), file);
    session->reply(request.id, r);
}

void DiagnosticRequests::diagnostics(Session *session, const Message &request)
{
    const Configuration &c = m_host->configuration();
    QCborMap r;
    QCborMap configuration;
    configuration.insert(QStringLiteral("path"), c.path);
    configuration.insert(QStringLiteral("problems"),
        Control::toCbor(ConfigurationFile::loadOrDefaults(c.path).problems));
    r.insert(QStringLiteral("configuration"), configuration);

    const QStorageInfo storage(m_host->connector()->spool().root());
    QCborMap spool;
    spool.insert(QStringLiteral("root"), m_host->connector()->spool().root());
    spool.insert(QStringLiteral("freeBytes"), storage.bytesAvailable());
    r.insert(QStringLiteral("spool"), spool);

    QCborMap control;
    control.insert(QStringLiteral("socket"), m_server->path());
    control.insert(QStringLiteral("group"), c.connector.controlGroup);
    control.insert(
        QStringLiteral("groupExists"), Control::groupId(c.connector.controlGroup).has_value());
    control.insert(QStringLiteral("connections"), m_server->sessions().size());
    r.insert(QStringLiteral("control"), control);
    r.insert(QStringLiteral("passwordStore"), passwordStoreDescription(c));

    // Whether each password can be found, as the next cycle would look for it; never the
    // password itself.
    struct Check
    {
        QString name;
        std::function<void(const CredentialResolver &, QObject *, CredentialResolver::Done)>
            resolve;
    };
    QList<Check> checks;
    for (const MailboxSettings &m : c.mailboxes) {
        if (!m.enabled)
            continue;
        checks.append({m.name,
            [m](const CredentialResolver &cr, QObject *ctx, CredentialResolver::Done done) {
                cr.resolve(m, ctx, done);
            }});
    }
    if (!c.delivery.user.isEmpty() && c.delivery.transport != Transport::Pickup) {
        checks.append({DeliverySettings::keychainKey(),
            [d = c.delivery](const CredentialResolver &cr, QObject *ctx,
                CredentialResolver::Done done) { cr.resolve(d, ctx, done); }});
    }
    auto passwords = std::make_shared<QCborArray>();
    auto left = std::make_shared<int>(int(checks.size()));
    const auto finish = [session, id = request.id, r, passwords] {
        QCborMap out = r;
        out.insert(QStringLiteral("passwords"), *passwords);
        session->reply(id, out);
    };
    if (checks.isEmpty()) {
        finish();
        return;
    }
    const CredentialResolver resolver(m_host->secrets());
    for (const Check &check : std::as_const(checks)) {
        check.resolve(resolver, session,
            [passwords, left, finish, name = check.name](const Result<QByteArray> &pw) mutable {
                QCborMap p;
                p.insert(QStringLiteral("name"), name);
                p.insert(QStringLiteral("found"), pw.ok());
                if (!pw)
                    p.insert(QStringLiteral("problem"), pw.error().message);
                passwords->append(p);
                if (--*left == 0)
                    finish();
            });
    }
}

// The whole report, as the service sees things; the troubleshooter ends with the session if
// the client goes away first.
void DiagnosticRequests::diagnose(Session *session, const Message &request)
{
    const Configuration &c = m_host->configuration();
    Control::Peer self;
    self.uid = ::geteuid();
    ServiceFacts facts;
    facts.user = self.userName();
    facts.pid = ::getpid();
    facts.deliveryEnabled = m_host->isDispatchEnabled();
    facts.scheduleEnabled = c.connector.scheduleEnabled;
    facts.intervalMinutes = c.connector.intervalMinutes;
    if (m_feed->lastCycle().id > 0) {
        facts.lastCycleStarted = m_feed->lastCycle().started;
        facts.lastCycleFinished = m_feed->lastCycle().finished;
    }
    for (const MailboxSettings &m : c.mailboxes) {
        if (const std::optional<RetrievalReport> last = m_feed->lastResult(m.name);
            last && m.enabled)
            facts.lastResults.insert(m.name, *last);
    }
    for (const ProblemRecord &r : Notifier::openProblems(m_host->connector()->spool()))
        facts.openProblems.append(
            {r.problem.subject, r.problem.eventId, r.problem.text, r.since, r.told});
    Troubleshooter::Setup setup;
    setup.configuration = c;
    setup.secrets = m_host->secrets();
    setup.inService = true;
    setup.service = ServiceChecks::evaluate(facts);
    auto *troubleshooter = new Troubleshooter(setup, session);
    connect(troubleshooter, &Troubleshooter::finished, session,
        [session, troubleshooter, id = request.id](const DiagnosisReport &report) {
            session->reply(id, toCbor(report));
            troubleshooter->deleteLater();
        });
    troubleshooter->start();
}

// The delivery checks of the troubleshooter (DeliveryProbe, DeliveryChecks) on settings the
// client has not saved yet: EHLO or LHLO, STARTTLS and AUTH as given, and each address given
// offered as RCPT TO in a transaction that RSET abandons, so that nothing is sent. As the service
// sees the server: its network, its certificates, its stored password when none is given.
void DiagnosticRequests::testDelivery(Session *session, const Message &request)
{
    const Configuration &c = m_host->configuration();
    Result<DeliveryTestRequest> parsed = DeliveryTest::parse(request.body, c.delivery);
    if (!parsed) {
        session->fail(request.id, parsed.error());
        return;
    }
    const DeliveryTestRequest test = std::move(parsed).value();
    DiagnosisReport report;
    report.started = Clock::nowUtc();
    report.configuration = c.path;
    report.inService = true;
    const auto answer = [session, id = request.id](DiagnosisReport r) {
        r.finished = Clock::nowUtc();
        QCborMap out = toCbor(r);
        // A deferred recipient is no working delivery either: only a clean pass is.
        out.insert(QStringLiteral("succeeded"), r.worst() == Verdict::Pass);
        session->reply(id, out);
    };
    if (test.delivery.transport == Transport::Pickup) {
        report.section(DiagnosisSection::Stage::Delivery)
            .findings.append({QStringLiteral("delivery.connect"), Verdict::Pass,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("Delivery is left to another mail server (transport = pickup)")),
                Spool(c.connector.spool).folderPath(SpoolFolder::PickUp), {}});
        answer(report);
        return;
    }
    Configuration tried = c;
    tried.delivery = test.delivery;
    const int timeoutMs = c.connector.timeoutSeconds * 1000;
    QList<DeliveryFacts::Recipient> recipients;
    for (const QString &address : test.recipients)
        recipients.append(
            {address, Phrase(staticMetaObject.className(), QT_TR_NOOP("an address given to try")),
                std::nullopt});
    const auto probe = [session, tried, timeoutMs, recipients, report, answer](
                           std::optional<QByteArray> password) {
        auto *p = new DeliveryProbe(tried, std::move(password), timeoutMs, session);
        p->setRecipients(recipients);
        connect(p, &DeliveryProbe::finished, session,
            [p, report, answer](const DeliveryFacts &facts) mutable {
                DiagnosisSection &s = report.section(DiagnosisSection::Stage::Delivery);
                // Whether an undeliverable mailbox is set is the configuration's question,
                // not these settings'.
                s.findings = DeliveryChecks::evaluate(facts);
                s.findings.removeIf([](const Finding &f) {
                    return f.id == QStringLiteral("delivery.undeliverable");
                });
                s.transcript = facts.transcript;
                answer(report);
                p->deleteLater();
            });
        p->start();
    };
    if (test.delivery.user.isEmpty() || test.password) {
        probe(test.password);
        return;
    }
    const auto resolved = [probe](const Result<QByteArray> &password) {
        probe(password ? std::optional<QByteArray>(*password) : std::nullopt);
    };
    // A login by OAuth is tried with the service's own access token.
    if (Connector *connector = m_host->connector(); connector && test.delivery.usesOAuth())
        connector->tokenBroker()->accessToken(OAuthAccount::of(test.delivery), session, resolved);
    else
        CredentialResolver(m_host->secrets()).resolve(test.delivery, session, resolved);
}

} // namespace Pop3Connector
