#include "scheduletab.h"

#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Pop3Connector {

ScheduleTab::ScheduleTab(ServiceController *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("scheduleTab"));
    m_interval = new QSpinBox;
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(1, 7 * 24 * 60);
    m_interval->setMaximumWidth(120);
    m_enabled = new QCheckBox;
    m_enabled->setObjectName(QStringLiteral("scheduleEnabledCheck"));
    m_nextRun = new QLabel;
    m_nextRun->setObjectName(QStringLiteral("nextRunLabel"));
    m_retrieve = new QPushButton;
    m_retrieve->setObjectName(QStringLiteral("retrieveNowButton"));
    m_cancel = new QPushButton;
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_table = new QTableWidget(0, 5);
    m_table->setObjectName(QStringLiteral("progressTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(170);
    m_overall = new QProgressBar;
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_overall->setRange(0, 100);
    m_overall->setValue(0);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("cycleSummaryLabel"));
    m_summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_intervalLabel = new QLabel, m_interval);
    form->addRow(m_enabled);
    form->addRow(m_nextRun);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retrieve);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    layout->addWidget(m_overall);
    layout->addWidget(m_summary);

    connect(m_interval, &QSpinBox::editingFinished, this, &ScheduleTab::applySchedule);
    connect(m_enabled, &QCheckBox::clicked, this, &ScheduleTab::applySchedule);
    connect(m_retrieve, &QPushButton::clicked, m_service, [this] { m_service->retrieveNow(); });
    connect(m_cancel, &QPushButton::clicked, m_service, &ServiceController::cancelCycle);
    connect(m_service, &ServiceController::progressed, this, &ScheduleTab::onProgress);
    connect(m_service, &ServiceController::cycleStarted, this, [this] {
        m_rows.clear();
        m_order.clear();
        m_overall->setValue(0);
        m_lastSummary.clear();
        updateTable();
        updateState();
    });
    connect(m_service, &ServiceController::cycleFinished, this,
        [this](const Control::CycleOutcome &cycle) {
            int stored = 0;
            bool cancelled = false;
            for (const RetrievalReport &r : cycle.mailboxes) {
                stored += r.stored;
                cancelled |= r.outcome == RetrievalReport::Outcome::Cancelled;
            }
            m_overall->setValue(100);
            m_lastSummary = tr("Last cycle: %n new message(s)", nullptr, stored)
                + tr(", %n delivered", nullptr, cycle.delivered)
                + tr(", %n problem(s).", nullptr, int(cycle.problems.size()));
            for (const Control::CycleOutcome::Problem &p : cycle.problems)
                m_lastSummary += u'\n' + p.subject + QStringLiteral(": ") + p.text;
            if (cancelled)
                m_lastSummary +=
                    u'\n' + tr("Retrieval was cancelled; what was stored is delivered.");
            updateState();
        });
    connect(m_service, &ServiceController::statusChanged, this, &ScheduleTab::updateState);
    connect(m_service, &ServiceController::serviceStateChanged, this, &ScheduleTab::updateState);
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        m_interval->setValue(m_service->configuration().connector.intervalMinutes);
        m_enabled->setChecked(m_service->configuration().connector.scheduleEnabled);
    });
    m_interval->setValue(m_service->configuration().connector.intervalMinutes);
    m_enabled->setChecked(m_service->configuration().connector.scheduleEnabled);
    retranslate();
}

void ScheduleTab::retranslate()
{
    m_intervalLabel->setText(tr("Retrieve mail every (minutes):"));
    m_enabled->setText(tr("Retrieve on this schedule"));
    m_retrieve->setText(tr("Retrieve now"));
    m_cancel->setText(tr("Cancel"));
    m_table->setAccessibleName(tr("Retrieval progress"));
    m_table->setAccessibleDescription(tr("Each mailbox's progress in the running retrieval."));
    m_table->setHorizontalHeaderLabels(
        {tr("Mailbox"), tr("State"), tr("Messages"), tr("Data"), tr("Rate")});
    updateTable();
    updateState();
}

void ScheduleTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScheduleTab::applySchedule()
{
    Configuration c = m_service->configuration();
    if (c.connector.intervalMinutes == m_interval->value()
        && c.connector.scheduleEnabled == m_enabled->isChecked())
        return;
    c.connector.intervalMinutes = m_interval->value();
    c.connector.scheduleEnabled = m_enabled->isChecked();
    m_service->save(c, this, [this](const QString &error) {
        if (!error.isEmpty())
            m_summary->setText(tr("The service did not take the schedule: %1").arg(error));
    });
}

QString ScheduleTab::phaseText(MailboxProgress::Phase phase) const
{
    switch (phase) {
    case MailboxProgress::Phase::Connecting:
        return tr("Connecting");
    case MailboxProgress::Phase::LoggingIn:
        return tr("Logging in");
    case MailboxProgress::Phase::Listing:
        return tr("Listing");
    case MailboxProgress::Phase::Retrieving:
        return tr("Retrieving");
    case MailboxProgress::Phase::Finishing:
        return tr("Finishing");
    case MailboxProgress::Phase::Done:
        return tr("Done");
    }
    return {};
}

void ScheduleTab::onProgress(const MailboxProgress &progress)
{
    if (!m_rows.contains(progress.mailbox)) {
        m_order.append(progress.mailbox);
        m_rows[progress.mailbox].clock.start();
    }
    m_rows[progress.mailbox].progress = progress;
    m_rows[progress.mailbox].elapsedMs = m_rows[progress.mailbox].clock.elapsed();
    updateTable();
}

void ScheduleTab::updateTable()
{
    const QLocale locale;
    m_table->setRowCount(int(m_order.size()));
    qint64 done = 0;
    qint64 total = 0;
    for (int row = 0; row < m_order.size(); ++row) {
        const Row &r = m_rows[m_order[row]];
        const MailboxProgress &p = r.progress;
        const double seconds = std::max<qint64>(r.elapsedMs, 1) / 1000.0;
        const QStringList cells = {p.mailbox, phaseText(p.phase),
            tr("%1 of %2").arg(p.messagesDone).arg(p.messagesTotal),
            tr("%1 of %2")
                .arg(locale.formattedDataSize(p.bytesDone), locale.formattedDataSize(p.bytesTotal)),
            tr("%1/s").arg(locale.formattedDataSize(qint64(p.bytesDone / seconds)))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        done += p.phase == MailboxProgress::Phase::Done ? std::max(p.bytesTotal, p.bytesDone)
                                                        : p.bytesDone;
        total += std::max(p.bytesTotal, p.bytesDone);
    }
    if (total > 0 && m_service->isCycleRunning())
        m_overall->setValue(int(done * 100 / total));
}

void ScheduleTab::updateState()
{
    const bool running = m_service->isRunning();
    m_retrieve->setEnabled(running && !m_service->isCycleRunning());
    m_cancel->setEnabled(running && m_service->isCycleRunning());
    QString next;
    if (!running)
        next = tr("The connector is not running.");
    else if (m_service->isCycleRunning())
        next = tr("Retrieving mail now.");
    else if (m_service->nextRun().isValid())
        next = tr("Next retrieval: %1")
                   .arg(QLocale().toString(
                       m_service->nextRun().toLocalTime().time(), QLocale::ShortFormat));
    else
        next = tr("No retrieval is scheduled; use Retrieve now.");
    m_nextRun->setText(next);
    m_summary->setText(m_lastSummary);
}

} // namespace Pop3Connector
