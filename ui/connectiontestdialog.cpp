#include "connectiontestdialog.h"

#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {
// A test waits for the server's timeout at most; the reply comes after it.
constexpr int kTestTimeoutMs = 120000;
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
    m_transcript->setMinimumSize(560, 260);
    m_transcript->setAccessibleName(tr("Connection transcript"));
    m_result = new QLabel(tr("The service is testing the connection..."));
    m_result->setObjectName(QStringLiteral("testConnectionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QPushButton(tr("Close"));
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_transcript, 1);
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
                const QString direction = v.toMap().value(QStringLiteral("direction")).toString();
                const QString prefix = direction == u"client" ? QStringLiteral("C: ")
                    : direction == u"server"                  ? QStringLiteral("S: ")
                                                              : QStringLiteral("-- ");
                m_transcript->appendPlainText(
                    prefix + v.toMap().value(QStringLiteral("line")).toString());
            }
            const RetrievalReport report = Control::retrievalFromCbor(*reply);
            m_finished = true;
            if (reply->value(QStringLiteral("succeeded")).toBool()) {
                m_result->setText(tr("The connection works. The mailbox holds %n message(s)",
                                      nullptr, report.onServer)
                    + tr(" (%1 KB).").arg((report.octetsOnServer + 1023) / 1024));
                Q_EMIT finished(true);
                return;
            }
            const EventDescription d = describe(report.failureId);
            m_result->setText(tr("%1: %2\nWhat to do: %3")
                                  .arg(d.title, report.failureText,
                                      reply->value(QStringLiteral("fix")).toString()));
            Q_EMIT finished(false);
        },
        kTestTimeoutMs);
}

void ConnectionTestDialog::fail(const QString &text)
{
    m_finished = true;
    m_result->setText(tr("The service could not test the connection: %1").arg(text));
    Q_EMIT finished(false);
}

} // namespace Pop3Connector
