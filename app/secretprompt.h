#pragma once

#include <QByteArray>
#include <QString>

// Reads one line from standard input, without echoing it when that is a terminal (the prompt
// then goes to standard error). A password never travels in a command's arguments, where the
// process list shows it.
QByteArray readSecretLine(const QString &prompt);
