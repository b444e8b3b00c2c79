fn main() {
    std::process::exit(schliff::cli::main());
}
