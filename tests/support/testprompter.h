#pragma once

#include "prompter.h"

#include <QString>
#include <QStringList>

// Answers the manager's questions like an administrator, without a dialog: agrees (or not, as
// `answer` says), chooses `folder` wherever a file or a folder is asked for, and remembers what
// it was asked, warned of and offered.
class TestPrompter : public Pop3Connector::Prompter
{
public:
    bool answer = true;
    QString folder; // where a chosen file goes, and the folder chosen
    QStringList confirmations;
    QStringList warnings;
    QString suggested; // the last file name (or path) offered for a file to save
    QString directoryStart; // where the last folder picker opened

    bool confirm(QWidget *, const QString &, const QString &text) override;
    void inform(QWidget *, const QString &, const QString &) override { }
    void warn(QWidget *, const QString &, const QString &text) override;
    QString saveFile(QWidget *, const QString &, const QString &offered) override;
    QString existingDirectory(QWidget *, const QString &, const QString &start) override;
    QString openFile(QWidget *, const QString &, const QString &) override { return {}; }
};
