#include "connectiontestdialog.h"

#include "config/credentials.h"

#include "diagnosis/connectiontest.h"
#include "config/secretstore.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pop3Connector {

ConnectionTestDialog::ConnectionTestDialog(const MailboxSettings &mailbox,
    const QByteArray &password, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_mailbox(mailbox)
    , m_password(password)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("connectionTestDialog"));
    setWindowTitle(
        tr("Test connection: %1").arg(mailbox.name.isEmpty() ? mailbox.host : mailbox.name));
    m_transcript = new QPlainTextEdit;
    m_transcript->setObjectName(QStringLiteral("testConnectionTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setMinimumSize(560, 260);
    m_result = new QLabel(tr("Connecting..."));
    m_result->setObjectName(QStringLiteral("testConnectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QPushButton(tr("Close"));
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_transcript);
    layout->addWidget(m_result);
    layout->addWidget(m_close, 0, Qt::AlignRight);
}

QString ConnectionTestDialog::transcript() const
{
    return m_transcript->toPlainText();
}

QString ConnectionTestDialog::result() const
{
    return m_result->text();
}

void ConnectionTestDialog::start()
{
    if (!m_password.isEmpty()) {
        run(m_password);
        return;
    }
    CredentialResolver(m_secrets).resolve(
        m_mailbox, this, [this](const Result<QByteArray> &password) {
            if (password)
                run(*password);
            else
                fail(password.error().message);
        });
}

void ConnectionTestDialog::run(const QByteArray &password)
{
    m_test = new ConnectionTest(m_mailbox, password, 30000, this);
    connect(m_test, &ConnectionTest::transcriptLine, this,
        [this](TranscriptDirection direction, const QByteArray &line) {
            const QString prefix = direction == TranscriptDirection::Client ? QStringLiteral("C: ")
                : direction == TranscriptDirection::Server                  ? QStringLiteral("S: ")
                                                                            : QStringLiteral("-- ");
            m_transcript->appendPlainText(prefix + QString::fromUtf8(line));
        });
    connect(m_test, &ConnectionTest::finished, this, &ConnectionTestDialog::onFinished);
    m_test->start();
}

void ConnectionTestDialog::onFinished(const RetrievalReport &report)
{
    m_finished = true;
    if (report.outcome == RetrievalReport::Outcome::Succeeded) {
        m_result->setText(
            tr("The connection works. The mailbox holds %n message(s)", nullptr, report.onServer)
            + tr(" (%1 KB).").arg((report.octetsOnServer + 1023) / 1024));
        Q_EMIT finished(true);
        return;
    }
    const EventDescription d = describe(report.failureId);
    m_result->setText(tr("%1: %2\nWhat to do: %3").arg(d.title, report.failureText, d.fix));
    Q_EMIT finished(false);
}

void ConnectionTestDialog::fail(const QString &text)
{
    m_finished = true;
    m_result->setText(text);
    Q_EMIT finished(false);
}

} // namespace Pop3Connector
