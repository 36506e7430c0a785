#![no_main]
//! Fuzzes `turnaround::fuzzing::scenario`: any bytes, never a panic or a hang.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    turnaround::fuzzing::scenario(data);
});
