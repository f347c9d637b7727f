//! `plumb records`: CSV (sniffed delimiter), JSON lines, JSON arrays and
//! gzip of any of them, streamed row by row.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::probes::records::source::{self, Format, Sink};

struct Count(u64);

impl Sink for Count {
    fn header(&mut self, _: &[String], _: Format) -> plumb::error::Result<()> {
        Ok(())
    }
    fn row(&mut self, _: u64, _: &csv::StringRecord) -> plumb::error::Result<()> {
        self.0 += 1;
        Ok(())
    }
    fn columns_added(&mut self, _: &[String]) -> plumb::error::Result<()> {
        Ok(())
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = source::read_from("fuzz", std::io::Cursor::new(data.to_vec()), &mut Count(0));
});
