#pragma once

#include "spool/spoolmonitor.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QTextBrowser;
class QThread;

namespace Pop3Connector {

class Prompter;
class ServiceController;
class SpoolModel;

// The Spool tab, live: Incoming Mail, Failed Mail, PickUp and BadMail with their counts, the
// messages of the chosen folder, a preview, and what an administrator does with a message:
// requeue, export, delete, send to the undeliverable-mail mailbox, open the folder.
class SpoolTab : public QWidget
{
    Q_OBJECT
public:
    SpoolTab(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);
    ~SpoolTab() override;

    SpoolModel *model() const { return m_model; }
    void selectFolder(SpoolFolder folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void restartMonitor();
    void updateCounts();
    void updateButtons();
    QStringList selectedNames() const;
    void perform(SpoolMonitor::Action action);
    void onActionFinished(SpoolMonitor::Action action, SpoolFolder folder, const QStringList &names,
        const QStringList &errors);

    ServiceController *m_service;
    Prompter *m_prompter;
    QThread *m_thread = nullptr;
    SpoolMonitor *m_monitor = nullptr;
    SpoolModel *m_model = nullptr;
    QListWidget *m_folders;
    QTableView *m_table;
    QTextBrowser *m_preview;
    QPushButton *m_requeue;
    QPushButton *m_export;
    QPushButton *m_delete;
    QPushButton *m_wrap;
    QPushButton *m_open;
    QLabel *m_status;
    QString m_spoolRoot;
};

} // namespace Pop3Connector
