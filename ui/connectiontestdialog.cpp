#include "connectiontestdialog.h"

#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {
// A test waits for the server's timeout at most; the reply comes after it.
constexpr int kTestTimeoutMs = 120000;

QString nameOf(const QSslCertificate &c, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo what) {
        return (issuer ? c.issuerInfo(what) : c.subjectInfo(what)).join(QStringLiteral(", "));
    };
    QString name = info(QSslCertificate::CommonName);
    const QString organization = info(QSslCertificate::Organization);
    if (!organization.isEmpty() && organization != name)
        name = name.isEmpty() ? organization : QStringLiteral("%1 (%2)").arg(name, organization);
    return name;
}

bool namesHost(const QSslCertificate &c, const QString &host)
{
    QStringList names = c.subjectInfo(QSslCertificate::CommonName);
    const auto alternatives = c.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        names.append(it.value());
    for (const QString &n : names) {
        if (n.compare(host, Qt::CaseInsensitive) == 0)
            return true;
        if (n.startsWith(QStringLiteral("*."))
            && host.section(u'.', 1).compare(n.mid(2), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

ConnectionTestDialog::ConnectionTestDialog(
    ServiceController *service, const QString &mailbox, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_mailbox(mailbox)
{
    setObjectName(QStringLiteral("connectionTestDialog"));
    setWindowTitle(tr("Test connection: %1").arg(mailbox));
    m_transcript = new QPlainTextEdit;
    m_transcript->setObjectName(QStringLiteral("testConnectionTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setMinimumSize(560, 200);
    m_transcript->setTabChangesFocus(true);
    m_transcript->setAccessibleName(tr("Connection transcript"));
    m_transcript->setAccessibleDescription(
        tr("What the service and the POP3 server said to each other; passwords are masked."));
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("testConnectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The result takes the height its words need; the transcript gives way, never the result.
    m_result->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);

    m_certificate = new QGroupBox(tr("Server certificate"));
    m_certificate->setObjectName(QStringLiteral("certificateBox"));
    m_issuedTo = new QLabel;
    m_issuedTo->setObjectName(QStringLiteral("certificateIssuedTo"));
    m_issuedBy = new QLabel;
    m_issuedBy->setObjectName(QStringLiteral("certificateIssuedBy"));
    m_validity = new QLabel;
    m_validity->setObjectName(QStringLiteral("certificateValidity"));
    m_fingerprint = new QLabel;
    m_fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setWordWrap(true);
    for (QLabel *l : {m_issuedTo, m_issuedBy, m_validity, m_fingerprint})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trustHint = new QLabel;
    m_trustHint->setObjectName(QStringLiteral("certificateTrustHint"));
    m_trustHint->setWordWrap(true);
    m_trust = new QPushButton(tr("&Trust this certificate for this mailbox"));
    m_trust->setObjectName(QStringLiteral("trustCertificateButton"));
    auto *details = new QFormLayout;
    details->addRow(tr("Issued to:"), m_issuedTo);
    details->addRow(tr("Issued by:"), m_issuedBy);
    details->addRow(tr("Valid:"), m_validity);
    details->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    auto *box = new QVBoxLayout(m_certificate);
    box->addLayout(details);
    box->addWidget(m_trustHint);
    box->addWidget(m_trust, 0, Qt::AlignLeft);
    m_certificate->hide();

    m_close = new QPushButton(tr("&Close"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setDefault(true);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_trust, &QPushButton::clicked, this, &ConnectionTestDialog::trustCertificate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_transcript, 1);
    layout->addSpacing(4);
    layout->addWidget(m_result);
    layout->addWidget(m_certificate);
    layout->addWidget(m_close, 0, Qt::AlignRight);
    setResult(tr("The service is testing the connection..."));
}

QString ConnectionTestDialog::transcript() const
{
    return m_transcript->toPlainText();
}

QString ConnectionTestDialog::result() const
{
    return m_result->text();
}

void ConnectionTestDialog::setResult(const QString &text)
{
    m_result->setText(text);
    // A longer result makes the dialog taller rather than drawing over the transcript.
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    if (wanted > height())
        resize(width(), wanted);
}

void ConnectionTestDialog::start()
{
    m_finished = false;
    m_transcript->clear();
    m_certificate->hide();
    QCborMap params;
    params.insert(QStringLiteral("mailbox"), m_mailbox);
    m_service->request(
        Control::Method::TestConnection, params, this,
        [this](const Result<QCborMap> &reply) {
            if (!reply) {
                fail(reply.error().message);
                return;
            }
            for (const QCborValue &v : reply->value(QStringLiteral("transcript")).toArray()) {
                const QCborMap line = v.toMap();
                const QString direction = line.value(QStringLiteral("direction")).toString();
                const QString prefix = direction == u"client" ? QStringLiteral("C: ")
                    : direction == u"server"                  ? QStringLiteral("S: ")
                                                              : QStringLiteral("-- ");
                // The connector's own notes in the reader's language; what was said on the
                // wire as it was.
                m_transcript->appendPlainText(prefix + Control::transcriptText(line).translated());
            }
            const RetrievalReport report = Control::retrievalFromCbor(*reply);
            m_finished = true;
            if (reply->value(QStringLiteral("succeeded")).toBool()) {
                setResult(tr("The connection works. The mailbox holds %n message(s)", nullptr,
                              report.onServer)
                    + tr(" (%1 KB).").arg((report.octetsOnServer + 1023) / 1024));
                Q_EMIT finished(true);
                return;
            }
            QList<QSslCertificate> chain;
            for (const QCborValue &pem : reply->value(QStringLiteral("certificates")).toArray())
                chain += QSslCertificate::fromData(pem.toString().toLatin1(), QSsl::Pem);
            const EventDescription d = describe(report.failureId);
            if (!chain.isEmpty()) {
                showRefusedCertificate(chain);
            } else {
                // The title and the fix from this manager's catalog, in the reader's language.
                setResult(
                    tr("%1: %2\nWhat to do: %3").arg(d.title, report.failure.translated(), d.fix));
            }
            Q_EMIT finished(false);
        },
        kTestTimeoutMs);
}

void ConnectionTestDialog::showRefusedCertificate(const QList<QSslCertificate> &chain)
{
    const QSslCertificate &leaf = chain.first();
    m_refused = leaf;
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const MailboxSettings *mailbox = m_service->configuration().mailbox(m_mailbox);
    const QString host = mailbox ? mailbox->host : QString();
    m_issuedTo->setText(nameOf(leaf, false));
    m_issuedBy->setText(nameOf(leaf, true));
    m_validity->setText(
        tr("%1 to %2")
            .arg(locale.toString(leaf.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                locale.toString(leaf.expiryDate().toLocalTime(), QLocale::ShortFormat)));
    m_fingerprint->setText(
        QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));

    // Why, in the dialog's words; a certificate out of its dates is not one to trust.
    QString why;
    bool trustable = true;
    if (leaf.expiryDate() < now) {
        why = tr("The server's certificate expired on %1.")
                  .arg(locale.toString(leaf.expiryDate().toLocalTime(), QLocale::ShortFormat));
        trustable = false;
    } else if (leaf.effectiveDate() > now) {
        why = tr("The server's certificate is valid only from %1. Check this computer's clock.")
                  .arg(locale.toString(leaf.effectiveDate().toLocalTime(), QLocale::ShortFormat));
        trustable = false;
    } else if (!host.isEmpty() && !namesHost(leaf, host)) {
        why = tr("The server's certificate was issued for %1, not for %2.")
                  .arg(m_issuedTo->text(), host);
    } else if (leaf.isSelfSigned()) {
        why = tr("The server signed its certificate itself; no authority this computer knows "
                 "vouches for it.");
    } else {
        why = tr("The server's certificate was issued by %1, an authority this computer does "
                 "not know.")
                  .arg(m_issuedBy->text());
    }
    setResult(tr("The connection was stopped before the password was sent: %1").arg(why));
    m_trust->setVisible(trustable);
    m_trustHint->setText(trustable
            ? tr("If this is your provider's server, compare the fingerprint with the one the "
                 "provider gives you. When they match, trust this certificate: this mailbox then "
                 "accepts exactly this certificate and no other.")
            : tr("Ask the provider to renew the certificate. Trusting it would not help."));
    m_certificate->show();
    setResult(m_result->text());
}

void ConnectionTestDialog::trustCertificate()
{
    if (m_refused.isNull())
        return;
    m_trust->setEnabled(false);
    QCborMap params;
    params.insert(QStringLiteral("mailbox"), m_mailbox);
    params.insert(QStringLiteral("sha256"),
        QString::fromLatin1(m_refused.digest(QCryptographicHash::Sha256).toHex()));
    m_service->request(
        Control::Method::TrustCertificate, params, this, [this](const Result<QCborMap> &reply) {
            m_trust->setEnabled(true);
            if (!reply) {
                setResult(tr("The service could not save the certificate: %1")
                              .arg(reply.error().message));
                return;
            }
            const QString file = reply->value(QStringLiteral("caFile")).toString();
            Configuration c = m_service->configuration();
            for (MailboxSettings &m : c.mailboxes) {
                if (m.name == m_mailbox) {
                    m.caFile = file;
                    m.caPinned = true;
                }
            }
            m_service->save(c, this, [this, file](const QString &error) {
                if (!error.isEmpty()) {
                    setResult(tr("The service saved the certificate but did not take the "
                                 "configuration:\n%1")
                                  .arg(error));
                    return;
                }
                Q_EMIT certificateTrusted(file);
                m_certificate->hide();
                m_refused = QSslCertificate();
                setResult(tr("The certificate is trusted for this mailbox. Testing again..."));
                start();
            });
        });
}

void ConnectionTestDialog::fail(const QString &text)
{
    m_finished = true;
    setResult(tr("The service could not test the connection: %1").arg(text));
    Q_EMIT finished(false);
}

} // namespace Pop3Connector
