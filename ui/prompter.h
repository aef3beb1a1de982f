#pragma once

#include <QString>

class QWidget;

namespace Pop3Connector {

// The manager's modal questions in one place, so that a test can answer them.
class Prompter
{
public:
    virtual ~Prompter() = default;
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text);
    virtual void inform(QWidget *parent, const QString &title, const QString &text);
    virtual void warn(QWidget *parent, const QString &title, const QString &text);
    // Empty when cancelled.
    virtual QString saveFile(QWidget *parent, const QString &title, const QString &suggested);
    // `start`: the folder it opens in (empty: the dialog's own choice).
    virtual QString existingDirectory(
        QWidget *parent, const QString &title, const QString &start = {});
    virtual QString openFile(QWidget *parent, const QString &title, const QString &filter);
};

} // namespace Pop3Connector
