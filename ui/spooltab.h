#pragma once

#include "base/result.h"
#include "spool/spool.h"

#include <QCborMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QListWidget;
class QPushButton;
class QSettings;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace Pop3Connector {

class Prompter;
class ServiceController;
class SpoolModel;

// The Spool tab, live: Incoming Mail, Failed Mail, PickUp and BadMail with their counts, the
// messages of the chosen folder, a preview, and what an administrator does with a message:
// requeue, export, delete, send to the undeliverable-mail mailbox. The service lists, reads and
// changes its spool (serialised with its stages); the tab only asks it to.
class SpoolTab : public QWidget
{
    Q_OBJECT
public:
    enum class Action { Requeue, Export, Delete, SendToUndeliverable };

    SpoolTab(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    SpoolModel *model() const { return m_model; }
    void selectFolder(SpoolFolder folder);
    // Shows one message: its folder, the list filtered to its spool name, the message selected.
    void showMessage(SpoolFolder folder, const QString &name);
    // The splitters and the message columns as the administrator left them.
    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void updateCounts();
    void updateButtons();
    void showPreview();
    void renderPreview();
    void clearPreview();
    QStringList selectedNames() const;
    void perform(Action action);
    void requeueFailedMail(const QStringList &names);
    // The file name a message is offered under: its subject and date.
    QString exportName(const QString &name) const;
    void exportMessages(const QStringList &names, const QString &target);
    void onChanged(Action action, const Result<QCborMap> &reply);

    ServiceController *m_service;
    Prompter *m_prompter;
    SpoolModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_search;
    QListWidget *m_folders;
    QTableView *m_table;
    QTextBrowser *m_preview;
    QCborMap m_previewed; // the preview shown, written again in a new language
    QSplitter *m_split;
    QSplitter *m_folderSplit;
    QPushButton *m_requeue;
    QPushButton *m_export;
    QPushButton *m_delete;
    QPushButton *m_wrap;
    QLabel *m_status;
};

} // namespace Pop3Connector
