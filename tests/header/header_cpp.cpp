// header_cpp.cpp — portvakt.h is usable from C++ (extern "C", no C-only constructs in use).
#include "portvakt.h"

int main() {
    pv_decision d;
    pv_date none = {0, 0, 0};
    pv_status s = pv_decide(nullptr, nullptr, nullptr, none, &d);
    return s == PV_ERR_INVALID_INPUT && d.reason == PV_REASON_INVALID_INPUT ? 0 : 1;
}
