#pragma once
// The desktop application: `cryoscape [FILE...] [--screenshot PATH] [--lang CODE] [--demo]`.
int runGui(int argc, char** argv);
