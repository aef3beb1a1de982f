#include "diagnosis/troubleshooter.h"

#include "base/clock.h"
#include "config/credentials.h"
#include "diagnosis/configurationchecks.h"
#include "diagnosis/deliveryprobe.h"
#include "diagnosis/mailboxprobe.h"
#include "diagnosis/spoolchecks.h"
#include "oauth/tokenbroker.h"

namespace Pop3Connector {

namespace {

using Stage = DiagnosisSection::Stage;

// A diagnosis answers within a minute at most, whatever the cycle's timeout: each step waits at
// most this long for the server.
constexpr int kMaxStepTimeoutMs = 20000;

} // namespace

Troubleshooter::Troubleshooter(Setup setup, QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_tokens(new TokenBroker(m_setup.secrets, this))
    , m_timeoutMs(
          std::min(kMaxStepTimeoutMs, m_setup.configuration.connector.timeoutSeconds * 1000))
{ }

Troubleshooter::~Troubleshooter() = default;

void Troubleshooter::start()
{
    const Configuration &c = m_setup.configuration;
    m_report.started = Clock::nowUtc();
    m_report.configuration = c.path;
    m_report.inService = m_setup.inService;
    m_report.section(Stage::Service).findings = m_setup.service;

    const Spool spool(c.connector.spool);
    m_report.section(Stage::Spool).findings = SpoolChecks::evaluate(
        SpoolChecks::gather(spool), c.connector.intervalMinutes, Clock::nowUtc());
    m_report.section(Stage::Configuration).findings = ConfigurationChecks::evaluate(c);

    // Each probe counts itself; one more for this function, so that probes finishing at once
    // cannot end the report before every one has started.
    m_pending = 1;
    for (const MailboxSettings &m : c.mailboxes) {
        if (m.enabled)
            checkMailbox(m);
    }
    checkDelivery();
    oneDone();
}

void Troubleshooter::checkMailbox(const MailboxSettings &mailbox)
{
    ++m_pending;
    m_report.section(Stage::Mailbox, mailbox.name);
    auto probe = [this, mailbox](const Result<QByteArray> &password) {
        m_report.section(Stage::Configuration)
            .findings.append(mailbox.usesOAuth()
                    ? ConfigurationChecks::signIn(mailbox.name, password)
                    : ConfigurationChecks::password(mailbox.name, password));
        auto *probe = new MailboxProbe(mailbox,
            password ? std::optional<QByteArray>(*password) : std::nullopt, m_timeoutMs, this);
        connect(probe, &MailboxProbe::finished, this,
            [this, probe, name = mailbox.name](const MailboxFacts &facts) {
                onMailboxProbed(name, facts);
                probe->deleteLater();
            });
        probe->start();
    };
    // A mailbox that signs in with OAuth logs in with an access token from its sign-in.
    if (mailbox.usesOAuth())
        m_tokens->accessToken(OAuthAccount::of(mailbox), this, probe);
    else
        CredentialResolver(m_setup.secrets).resolve(mailbox, this, probe);
}

void Troubleshooter::onMailboxProbed(const QString &name, const MailboxFacts &facts)
{
    DiagnosisSection &s = m_report.section(Stage::Mailbox, name);
    s.findings = MailboxChecks::evaluate(facts, Clock::nowUtc());
    if (facts.resolved && facts.connect == MailboxFacts::Connect::Connected && !facts.test
        && facts.tlsError.isEmpty()
        && (!facts.certificate || facts.certificate->problems.isEmpty()))
        s.findings.append({QStringLiteral("mailbox.login"), Verdict::Fail,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("Login not tried: no password")), {},
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("See the password finding under Configuration."))});
    s.transcript = MailboxChecks::transcriptLines(facts.transcript);
    oneDone();
}

void Troubleshooter::checkDelivery()
{
    const Configuration &c = m_setup.configuration;
    if (c.delivery.transport == Transport::Pickup) {
        m_report.section(Stage::Delivery)
            .findings.append({QStringLiteral("delivery.connect"), Verdict::Pass,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("Delivery is left to another mail server (transport = pickup)")),
                Spool(c.connector.spool).folderPath(SpoolFolder::PickUp), {}});
        return;
    }
    ++m_pending;
    const auto probe = [this](std::optional<QByteArray> password) {
        auto *p = new DeliveryProbe(m_setup.configuration, std::move(password), m_timeoutMs, this);
        connect(p, &DeliveryProbe::finished, this, [this, p](const DeliveryFacts &facts) {
            onDeliveryProbed(facts);
            p->deleteLater();
        });
        p->start();
    };
    if (c.delivery.user.isEmpty())
        return probe(std::nullopt);
    auto resolved = [this, probe, oauth = c.delivery.usesOAuth()](
                        const Result<QByteArray> &password) {
        const QString name = DeliverySettings::keychainKey();
        m_report.section(Stage::Configuration)
            .findings.append(oauth ? ConfigurationChecks::signIn(name, password)
                                   : ConfigurationChecks::password(name, password));
        probe(password ? std::optional<QByteArray>(*password) : std::nullopt);
    };
    if (c.delivery.usesOAuth())
        m_tokens->accessToken(OAuthAccount::of(c.delivery), this, resolved);
    else
        CredentialResolver(m_setup.secrets).resolve(c.delivery, this, resolved);
}

void Troubleshooter::onDeliveryProbed(const DeliveryFacts &facts)
{
    m_report.section(Stage::Delivery).findings = DeliveryChecks::evaluate(facts);
    m_report.section(Stage::Delivery).transcript = facts.transcript;
    oneDone();
}

void Troubleshooter::oneDone()
{
    if (--m_pending > 0 || m_finished)
        return;
    m_finished = true;
    m_report.finished = Clock::nowUtc();
    Q_EMIT finished(m_report);
}

} // namespace Pop3Connector
