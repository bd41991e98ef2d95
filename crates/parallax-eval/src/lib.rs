pub mod extraction;
