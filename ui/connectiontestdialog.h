#pragma once

#include "config/configuration.h"
#include "config/configuration.h"
#include "events/reports.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Pop3Connector {

class ConnectionTest;
class SecretStore;

// Shows a connection test as a terminal session would (greeting, USER, PASS masked, STAT, QUIT)
// and says in plain words whether it worked and, if not, what to do.
class ConnectionTestDialog : public QDialog
{
    Q_OBJECT
public:
    // An empty `password` means the stored one (password file or keychain).
    ConnectionTestDialog(const MailboxSettings &mailbox, const QByteArray &password,
        SecretStore *secrets, QWidget *parent = nullptr);

    void start();
    QString transcript() const;
    QString result() const;
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(bool succeeded);

private:
    void run(const QByteArray &password);
    void onFinished(const RetrievalReport &report);
    void fail(const QString &text);

    MailboxSettings m_mailbox;
    QByteArray m_password;
    SecretStore *m_secrets;
    ConnectionTest *m_test = nullptr;
    QPlainTextEdit *m_transcript;
    QLabel *m_result;
    QPushButton *m_close;
    bool m_finished = false;
};

} // namespace Pop3Connector
