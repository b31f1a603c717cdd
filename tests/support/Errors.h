#pragma once
// The message of the FileError (or any std::exception) a piece of code throws, "" when it
// throws nothing: refusals are checked by what they say.
#include <QString>

#include <exception>

template <class F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}
