#pragma once

#include "events/reports.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Pop3Connector {

class ServiceController;

// The Schedule tab: how often mail is retrieved, Retrieve now, and the live progress of each
// mailbox (state, messages, bytes, rate) and of the whole cycle, with Cancel.
class ScheduleTab : public QWidget
{
    Q_OBJECT
public:
    explicit ScheduleTab(ServiceController *service, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        MailboxProgress progress;
        QElapsedTimer clock;
        qint64 elapsedMs = 0; // at the last report, so that a finished mailbox keeps its rate
    };

    void retranslate();
    void applySchedule();
    void onProgress(const MailboxProgress &progress);
    void updateTable();
    void updateState();
    QString phaseText(MailboxProgress::Phase phase) const;

    ServiceController *m_service;
    QLabel *m_intervalLabel;
    QSpinBox *m_interval;
    QCheckBox *m_enabled;
    QLabel *m_nextRun;
    QPushButton *m_retrieve;
    QPushButton *m_cancel;
    QTableWidget *m_table;
    QProgressBar *m_overall;
    QLabel *m_summary;
    QHash<QString, Row> m_rows;
    QStringList m_order;
    QString m_lastSummary;
};

} // namespace Pop3Connector
