fn main() -> std::process::ExitCode {
    plumb::app::main()
}
