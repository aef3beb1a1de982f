#include "deliverytestpanel.h"

#include "diagnosis/diagnosis.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCborArray>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {
// A test waits for each step of a slow server; the service's own timeout ends it first.
constexpr int kTestTimeoutMs = 120 * 1000;
} // namespace

DeliveryTestPanel::DeliveryTestPanel(
    ServiceController *service, Parameters parameters, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_parameters(std::move(parameters))
{
    setObjectName(QStringLiteral("deliveryTestPanel"));
    m_recipients = new QLineEdit;
    m_recipients->setObjectName(QStringLiteral("testRecipientsEdit"));
    m_test = new QPushButton;
    m_test->setObjectName(QStringLiteral("testDeliveryButton"));
    m_resultLabel = new QLabel;
    m_resultLabel->setObjectName(QStringLiteral("deliveryTestResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_output = new QPlainTextEdit;
    m_output->setObjectName(QStringLiteral("deliveryTestOutput"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Takes the room left over: the settings above keep what their wrapped labels need.
    m_output->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_output->setMinimumHeight(80);
    m_output->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_recipientsLabel = new QLabel);
    row->addWidget(m_recipients, 1);
    row->addWidget(m_test);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_output, 1);
    m_recipientsLabel->setBuddy(m_recipients);

    connect(m_test, &QPushButton::clicked, this, &DeliveryTestPanel::start);
    connect(m_recipients, &QLineEdit::textEdited, this, &DeliveryTestPanel::invalidate);
    connect(m_service, &ServiceController::serviceStateChanged, this,
        [this] { m_test->setEnabled(m_service->isRunning() && m_state != State::Testing); });
    m_test->setEnabled(m_service->isRunning());
    retranslate();
}

void DeliveryTestPanel::retranslate()
{
    m_recipientsLabel->setText(tr("Addresses to &check:"));
    m_recipients->setToolTip(tr("Local addresses the server is asked to accept (RCPT TO), "
                                "comma-separated; no message is sent."));
    m_recipients->setAccessibleName(tr("Addresses to check"));
    m_test->setText(tr("&Test delivery"));
    m_output->setAccessibleName(tr("Delivery test transcript"));
}

void DeliveryTestPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DeliveryTestPanel::setRecipients(const QStringList &addresses)
{
    m_recipients->setText(addresses.join(QStringLiteral(", ")));
    invalidate();
}

QStringList DeliveryTestPanel::recipients() const
{
    QStringList out;
    for (const QString &a : m_recipients->text().split(u',', Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            out.append(a.trimmed());
    }
    return out;
}

QString DeliveryTestPanel::result() const
{
    return m_resultLabel->text();
}

QString DeliveryTestPanel::output() const
{
    return m_output->toPlainText();
}

void DeliveryTestPanel::invalidate()
{
    if (m_state == State::Testing || m_state == State::Untested)
        return;
    setState(State::Untested, tr("The settings changed since the last test."));
}

void DeliveryTestPanel::setState(State state, const QString &result)
{
    m_state = state;
    m_resultLabel->setText(result);
    m_test->setEnabled(m_service->isRunning() && state != State::Testing);
    Q_EMIT stateChanged(state);
}

void DeliveryTestPanel::start()
{
    if (m_state == State::Testing)
        return;
    QCborMap params = m_parameters();
    params.insert(QStringLiteral("recipients"), QCborArray::fromStringList(recipients()));
    m_output->clear();
    m_output->hide();
    setState(State::Testing, tr("Testing delivery..."));
    m_service->request(
        Control::Method::TestDelivery, params, this,
        [this](const Result<QCborMap> &reply) {
            if (!reply) {
                setState(
                    State::Failed, tr("The test could not run: %1").arg(reply.error().message));
                return;
            }
            show(*reply);
        },
        kTestTimeoutMs);
}

// The service's report (docs/control-protocol.md, testDelivery): one delivery section.
void DeliveryTestPanel::show(const QCborMap &reply)
{
    QStringList lines;
    QString firstProblem;
    // The findings in the reader's language: the service sends them as phrases.
    for (const DiagnosisSection &s : diagnosisFromCbor(reply).sections) {
        for (const Finding &finding : s.findings) {
            const QString title = finding.title.translated();
            const QString evidence = finding.evidence.translated();
            const QString fix = finding.fix.translated();
            const QString mark = finding.verdict == Verdict::Pass ? tr("OK")
                : finding.verdict == Verdict::Warning             ? tr("Warning")
                                                                  : tr("Failed");
            lines.append(QStringLiteral("[%1] %2").arg(mark, title));
            if (!evidence.isEmpty())
                lines.append(QStringLiteral("    ") + evidence);
            if (!fix.isEmpty())
                lines.append(QStringLiteral("    ") + tr("What to do: %1").arg(fix));
            if (finding.verdict != Verdict::Pass && firstProblem.isEmpty())
                firstProblem = fix.isEmpty() ? title : tr("%1 %2").arg(title, fix);
        }
        if (!s.transcript.isEmpty()) {
            lines.append(QString());
            lines.append(s.transcript);
        }
    }
    m_output->setPlainText(lines.join(u'\n'));
    m_output->show();
    if (reply.value(QStringLiteral("succeeded")).toBool())
        setState(State::Passed,
            tr("Delivery works: the server answered and took every address checked. No message "
               "was sent."));
    else
        setState(State::Failed, tr("Delivery does not work yet: %1").arg(firstProblem));
}

} // namespace Pop3Connector
